import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { STATUS_BUCKETS } from '../../../../core/steer/types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { formatDate } from '../../../lib/format.js';
import { useRegisterScope } from '../products/use-register-scope.js';
import { rate, reportsApi } from '../reports/reports-api.js';
import { bucketName, periodName, useRpT } from '../reports/reports-i18n.js';
import { SteerNav } from '../steer-nav.js';
import { SplitChart } from './split-chart.js';

// The leader dashboard (/app/steer/dashboard): the national four-way split, per plan and per unit, what changed
// since the last period, key tasks overdue, and a link from each count to the task list. Works on a 360 px phone.

const COLORS = { done_on_time: 'green', done_late: 'orange', in_progress: 'blue', overdue: 'red' } as const;

export function DashboardPage() {
  const scope = useRegisterScope();
  const t = useRpT();
  const { locale } = useI18n();
  const [asOf, setAsOf] = useState('');
  const unitId = scope.unit?.id;
  const q = useQuery({
    queryKey: ['steer-dashboard', unitId, asOf],
    queryFn: () =>
      reportsApi.dashboard(unitId as number, /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined),
    enabled: unitId !== undefined,
  });
  if (!unitId) return <Alert color="gray">{t('rp.noUnit')}</Alert>;
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const tasksLink = (extra: Record<string, string | number>) =>
    `/app/steer/tasks?${new URLSearchParams({ asOf: d.asOf, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) })}`;
  const moved = Object.entries(d.changeCounts).sort((a, b) => b[1] - a[1]);
  return (
    <Stack gap="md" maw={1100}>
      <SteerNav />
      <div>
        <Title order={2}>{t('db.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('db.subtitle', {
            scope: d.scope.name,
            asOf: formatDate(d.asOf, locale),
            before: formatDate(d.previousAsOf, locale),
            period: periodName(d.previousPeriod.code, t),
          })}
        </Text>
      </div>
      <TextInput
        label={t('db.asOf')}
        placeholder="2026-06-30"
        value={asOf}
        onChange={(e) => setAsOf(e.currentTarget.value)}
        maw={320}
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {STATUS_BUCKETS.map((b) => (
          <Card key={b} withBorder padding="sm" component={Link} to={tasksLink({ unitId, bucket: b })}>
            <Text size="xs" c="dimmed">
              {bucketName(b, t)}
            </Text>
            <Text fw={700} fz={28} c={COLORS[b]}>
              {d.totals.split[b]}
            </Text>
            <Text size="xs" c="dimmed">
              {t('db.before', { n: d.splitBefore[b] })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Badge variant="light">{t('db.total', { n: d.totals.total })}</Badge>
        <Badge variant="light">{t('db.due', { n: d.totals.due })}</Badge>
        <Badge variant="light" color="green">
          {t('db.completion', { rate: rate(d.totals.completionRate) })}
        </Badge>
        <Badge variant="light" color="teal">
          {t('db.onTime', { rate: rate(d.totals.onTimeRate) })}
        </Badge>
        <Badge variant="light" color={d.totals.overdueChange > 0 ? 'red' : 'green'}>
          {d.totals.overdueChange > 0
            ? t('db.overdueUp', { n: d.totals.overdueChange })
            : d.totals.overdueChange < 0
              ? t('db.overdueDown', { n: -d.totals.overdueChange })
              : t('db.overdueSame')}
        </Badge>
      </Group>

      <Card withBorder>
        <Title order={4} mb="xs">
          {t('db.keyOverdue')}
        </Title>
        {d.keyOverdue.length === 0 ? (
          <Text c="dimmed">{t('db.keyOverdueNone')}</Text>
        ) : (
          <Stack gap={6}>
            {d.keyOverdue.map((o) => (
              <Group key={o.taskId} justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text component={Link} to={`/app/steer/tasks/${o.taskId}`} size="sm" fw={500}>
                    {o.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('db.leadDue', { unit: o.leadUnitName, date: formatDate(o.due, locale) })}
                  </Text>
                </div>
                <Badge color="red" style={{ flexShrink: 0 }}>
                  {t('db.days', { n: o.daysOverdue })}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
      </Card>

      <Card withBorder>
        <Title order={4} mb="xs">
          {t('db.changed')}
        </Title>
        {moved.length === 0 ? (
          <Text c="dimmed">{t('db.changedNone')}</Text>
        ) : (
          <Stack gap={4}>
            {moved.map(([key, n]) => {
              const [from, to] = key.split('>');
              return (
                <Text key={key} size="sm">
                  {t('db.changeLine', { from: bucketName(from, t), to: bucketName(to, t), n })}
                </Text>
              );
            })}
          </Stack>
        )}
      </Card>

      <Card withBorder>
        <Title order={4} mb="xs">
          {t('db.byPlan')}
        </Title>
        <SplitChart
          t={t}
          rows={d.plans.map((p) => ({
            // Plan id 0: tasks from committee conclusions, outside any plan.
            name: p.planId === 0 ? t('db.noPlan') : p.numberSymbol,
            split: p.split,
          }))}
        />
      </Card>

      <Card withBorder>
        <Title order={4} mb="xs">
          {t('db.byUnit')}
        </Title>
        <SplitChart t={t} rows={d.units.slice(0, 15).map((u) => ({ name: u.name, split: u.split }))} />
        <Table.ScrollContainer minWidth={320}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('db.rank')}</Table.Th>
                <Table.Th>{t('db.unit')}</Table.Th>
                <Table.Th>{t('db.onTimeCol')}</Table.Th>
                <Table.Th>{t('db.overdueCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.rank ?? '–'}</Table.Td>
                  <Table.Td>
                    <Link to={tasksLink({ unitId: u.unitId })}>{u.name}</Link>
                  </Table.Td>
                  <Table.Td>{rate(u.onTimeRate)}</Table.Td>
                  <Table.Td>
                    {u.overdue > 0 ? (
                      <Link to={tasksLink({ unitId: u.unitId, bucket: 'overdue' })}>{u.overdue}</Link>
                    ) : (
                      0
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
