import { Alert, Button, FileButton, Group, Select, Table, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { formatDateTime } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { useFrameworkXlsxImport } from './framework-xlsx-import.js';
import { measureApi } from './measure-api.js';
import { useMT } from './measure-i18n.js';
import { fmtPoints, isAppraiser, MeasureTabs, StatusBadge } from './measure-shared.js';

function CreateBar() {
  const t = useMT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: ['measure', 'templates'], queryFn: measureApi.templates });
  const [key, setKey] = useState<string | null>(null);
  const done = (r: { framework: { id: number } }) => {
    void queryClient.invalidateQueries({ queryKey: ['measure', 'frameworks'] });
    notify(t('m.created'));
    navigate(`/measure/frameworks/${r.framework.id}`);
  };
  const create = useMutation({
    mutationFn: async () => ({ framework: await measureApi.createFromTemplate(key ?? '') }),
    onSuccess: done,
  });
  const importJson = useMutation({
    mutationFn: async (file: File) => {
      let definition: unknown;
      try {
        definition = JSON.parse(await file.text());
      } catch {
        throw new Error(t('m.invalidJson'));
      }
      return measureApi.importFramework(definition);
    },
    onSuccess: done,
  });
  const xlsx = useFrameworkXlsxImport(done);
  return (
    <>
      <ErrorAlert error={create.error ?? importJson.error} />
      <Group align="flex-end" mb="md" wrap="wrap">
        <Select
          label={t('m.template')}
          w={360}
          data={(templates.data ?? []).map((x) => ({
            value: x.key,
            label: `${x.name} (${x.componentCount})`,
          }))}
          value={key}
          onChange={setKey}
        />
        <Button onClick={() => create.mutate()} disabled={!key} loading={create.isPending}>
          {t('m.fromTemplate')}
        </Button>
        <FileButton onChange={(f) => f && importJson.mutate(f)} accept="application/json,.json">
          {(props) => (
            <Button {...props} variant="default" loading={importJson.isPending}>
              {t('m.importJson')}
            </Button>
          )}
        </FileButton>
        {xlsx.button}
      </Group>
      {xlsx.errors}
    </>
  );
}

export function FrameworksPage() {
  const t = useMT();
  const { locale } = useI18n();
  const session = useSession();
  const frameworks = useQuery({ queryKey: ['measure', 'frameworks'], queryFn: measureApi.frameworks });
  return (
    <>
      <Title order={1} mb="sm">
        {t('m.title')}
      </Title>
      <MeasureTabs />
      {isAppraiser(session.data) ? <CreateBar /> : null}
      {frameworks.isPending ? <PageLoader /> : null}
      <ErrorAlert error={frameworks.error} />
      {frameworks.data?.length === 0 ? <Alert color="gray">{t('m.noFrameworks')}</Alert> : null}
      {frameworks.data?.length ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <TableHeader
              columns={[
                t('m.name'),
                t('m.version'),
                t('m.status'),
                { label: t('m.components'), numeric: true },
                { label: t('m.maxPoints'), numeric: true },
                t('m.updatedAt'),
              ]}
            />
            <Table.Tbody>
              {frameworks.data.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Link to={`/measure/frameworks/${f.id}`}>{f.name}</Link>
                  </Table.Td>
                  <Table.Td>{`${f.code} v${f.version}`}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={f.status} />
                  </Table.Td>
                  <Table.Td ta="right">{f.componentCount}</Table.Td>
                  <Table.Td ta="right">{fmtPoints(f.maxPoints, intlTag(locale))}</Table.Td>
                  <Table.Td>{formatDateTime(f.updatedAt, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </>
  );
}
