import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { STATUS_BUCKETS } from '../../../../core/steer/types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { formatDate, formatDateTime, todayInVietnam } from '../../../lib/format.js';
import { useRegisterScope } from '../products/use-register-scope.js';
import { SteerNav } from '../steer-nav.js';
import { rate, reportsApi } from './reports-api.js';
import { periodName, type ReportsT, useRpT } from './reports-i18n.js';

// Periodic reports (/app/steer/reports): choose the period type and period, preview the numbers, issue with a
// confirmation (a snapshot that later edits never change), download XLSX/DOCX, and the list of issued reports.

const TYPES = ['month', 'quarter', 'half', 'year'] as const;

function periodsOf(type: string, year: number, t: ReportsT) {
  const codes =
    type === 'month'
      ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
      : type === 'quarter'
        ? [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
        : type === 'half'
          ? [`${year}-H1`, `${year}-H2`]
          : [String(year)];
  return codes.map((value) => ({ value, label: periodName(value, t) }));
}

export function ReportsPage() {
  const scope = useRegisterScope();
  const t = useRpT();
  const { locale } = useI18n();
  const qc = useQueryClient();
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const [type, setType] = useState('quarter');
  const [period, setPeriod] = useState<string | null>(null);
  const [numberSymbol, setNumberSymbol] = useState('');
  const [confirm, setConfirm] = useState(false);
  const unitId = scope.unit?.id;
  const options = [...periodsOf(type, year, t), ...periodsOf(type, year - 1, t)];
  const preview = useQuery({
    queryKey: ['steer-report-preview', unitId, period],
    queryFn: () => reportsApi.preview(unitId as number, period as string),
    enabled: unitId !== undefined && period !== null,
  });
  const list = useQuery({
    queryKey: ['steer-reports', unitId],
    queryFn: () => reportsApi.list(unitId as number),
    enabled: unitId !== undefined,
  });
  const issue = useMutation({
    mutationFn: () =>
      reportsApi.issue({
        unitId: unitId as number,
        period: period as string,
        numberSymbol: numberSymbol.trim() || null,
      }),
    onSuccess: (r) => {
      setConfirm(false);
      notify(t('rp.issued', { period: periodName(r.periodCode, t) }));
      void qc.invalidateQueries({ queryKey: ['steer-reports', unitId] });
    },
  });
  if (!unitId) return <Alert color="gray">{t('rp.noUnit')}</Alert>;
  const d = preview.data;
  return (
    <Stack gap="md" maw={1100}>
      <SteerNav />
      <Title order={2}>{t('rp.title')}</Title>
      <Text c="dimmed" size="sm">
        {scope.unit?.name}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('rp.type')}
          data={TYPES.map((v) => ({ value: v, label: t(`rp.type.${v}`) }))}
          value={type}
          onChange={(v) => {
            setType(v ?? 'quarter');
            setPeriod(null);
          }}
          w={140}
          allowDeselect={false}
        />
        <Select
          label={t('rp.period')}
          data={options}
          value={period}
          onChange={setPeriod}
          w={220}
          placeholder={t('rp.pickPeriod')}
          searchable
        />
      </Group>
      {preview.error && <ErrorAlert error={preview.error} />}
      {d && (
        <Card withBorder>
          <Title order={4}>{t('rp.preview', { period: periodName(d.period.code, t) })}</Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('rp.asOfVs', {
              asOf: formatDate(d.asOf, locale),
              before: formatDate(d.previousAsOf, locale),
            })}
          </Text>
          <Table.ScrollContainer minWidth={320}>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rp.status')}</Table.Th>
                  <Table.Th>{t('rp.allTasks')}</Table.Th>
                  <Table.Th>{t('rp.dueInPeriod')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {STATUS_BUCKETS.map((b) => (
                  <Table.Tr key={b}>
                    <Table.Td>{t(`rp.bucket.${b}`)}</Table.Td>
                    <Table.Td>{d.totals.split[b]}</Table.Td>
                    <Table.Td>{d.totals.dueSplit[b]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" mt="xs">
            {t('rp.summary', {
              completion: rate(d.totals.completionRate),
              onTime: rate(d.totals.onTimeRate),
              overdue: d.totals.overdue,
              before: d.totals.overdueBefore,
              listed: d.overdueList.length,
            })}
          </Text>
          {scope.canManage && (
            <Group mt="md" align="flex-end">
              <TextInput
                label={t('rp.numberSymbol')}
                placeholder="45/BC-SKHCN"
                value={numberSymbol}
                onChange={(e) => setNumberSymbol(e.currentTarget.value)}
              />
              <Button onClick={() => setConfirm(true)}>{t('rp.issue')}</Button>
            </Group>
          )}
        </Card>
      )}
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('rp.issueTitle')}>
        <Stack>
          <Text size="sm">
            {t('rp.issueConfirm', {
              period: d ? periodName(d.period.code, t) : '',
              asOf: formatDate(d?.asOf, locale),
            })}
          </Text>
          {issue.error && <ErrorAlert error={issue.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('rp.cancel')}
            </Button>
            <Button loading={issue.isPending} onClick={() => issue.mutate()}>
              {t('rp.issueYes')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('rp.list')}
        </Title>
        {list.error && <ErrorAlert error={list.error} />}
        {list.data?.items.length === 0 && <Text c="dimmed">{t('rp.listEmpty')}</Text>}
        <Stack gap="xs">
          {list.data?.items.map((r) => (
            <Group key={r.id} justify="space-between" wrap="wrap">
              <div>
                <Text fw={500}>
                  {periodName(r.periodCode, t)} {r.numberSymbol ? `· ${r.numberSymbol}` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('rp.listLine', {
                    asOf: formatDate(r.asOf, locale),
                    tasks: r.taskCount,
                    onTime: rate(r.onTimeRate),
                    issuedAt: formatDateTime(r.issuedAt, locale),
                    issuedBy: r.issuedBy,
                  })}
                </Text>
              </div>
              <Group gap="xs">
                <Button component="a" href={reportsApi.fileUrl(r.id, 'xlsx')} variant="light" size="xs">
                  {t('rp.downloadXlsx')}
                </Button>
                <Button component="a" href={reportsApi.fileUrl(r.id, 'docx')} variant="light" size="xs">
                  {t('rp.downloadDocx')}
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
