import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { periodLabel } from '../../../core/measure/kpi-periods.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { useSession } from '../auth/use-session.js';
import { useMT } from '../measure/measure-i18n.js';
import { kpisApi } from './kpis-api.js';

/** Upload → preview with row errors (progress while a large file is parsed) → commit, all or nothing. */
export function KpiImport() {
  const t = useMT();
  const { locale } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const [importId, setImportId] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => kpisApi.upload(file, session.data?.csrfToken ?? ''),
    onSuccess: (view) => {
      queryClient.setQueryData(['kpis', 'import', view.id], view);
      setImportId(view.id);
    },
  });
  const status = useQuery({
    queryKey: ['kpis', 'import', importId],
    queryFn: () => kpisApi.importStatus(importId as number),
    enabled: importId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'parsing' ? 500 : false),
  });
  const commit = useMutation({
    mutationFn: () => kpisApi.commit(importId as number),
    onSuccess: (view) => {
      queryClient.setQueryData(['kpis', 'import', view.id], view);
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
      notify(t('k.committed', { n: view.result?.imported ?? 0 }));
    },
  });
  const view = status.data;
  const progress = view ? (100 * view.progress.processedRows) / Math.max(1, view.progress.totalRows) : 0;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('k.import')}
        </Title>
        <Group>
          <FileButton
            onChange={(f) => f && upload.mutate(f)}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          >
            {(props) => (
              <Button {...props} loading={upload.isPending}>
                {t('k.chooseFile')}
              </Button>
            )}
          </FileButton>
          <Anchor href="/api/kpis/import-template.xlsx" size="sm">
            {t('k.template')}
          </Anchor>
        </Group>
        <ErrorAlert error={upload.error ?? commit.error} />
        {view ? (
          <>
            <Text size="sm">
              {view.fileName} · {t(`k.status.${view.status}`)}
            </Text>
            <Progress
              value={view.status === 'parsing' ? progress : 100}
              aria-label={t('k.progress')}
              animated={view.status === 'parsing'}
            />
            {view.fileErrors.map((e) => (
              <Alert key={e.code} color="red">
                {e.message}
              </Alert>
            ))}
            {view.errors.length ? (
              <Table fz="sm" striped data-testid="kpi-import-errors">
                <TableHeader columns={[t('k.row'), t('k.field'), t('k.error')]} />
                <Table.Tbody>
                  {view.errors.slice(0, 200).map((e) => (
                    <Table.Tr key={`${e.row}-${e.field}-${e.code}`}>
                      <Table.Td>{e.row}</Table.Td>
                      <Table.Td>{e.field}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            {view.preview.length ? (
              <Table.ScrollContainer minWidth={600}>
                <Table fz="sm" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('k.row')}</Table.Th>
                      <Table.Th>KPI</Table.Th>
                      <Table.Th>{t('m.unit')}</Table.Th>
                      <Table.Th>{t('m.period')}</Table.Th>
                      <Table.Th ta="right">{t('m.input')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {view.preview.slice(0, 20).map((r) => (
                      <Table.Tr key={r.row}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{r.kpiCode}</Table.Td>
                        <Table.Td>{r.unitCode}</Table.Td>
                        <Table.Td>{periodLabel(r.period, locale)}</Table.Td>
                        <Table.Td ta="right">
                          {r.value !== null
                            ? r.value.toLocaleString(intlTag(locale))
                            : `${r.numerator} / ${r.denominator}`}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
            {view.status === 'ready' ? (
              <Button onClick={() => commit.mutate()} loading={commit.isPending}>
                {t('k.commit')}
              </Button>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
