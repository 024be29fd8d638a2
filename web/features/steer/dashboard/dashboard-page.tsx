import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { STATUS_BUCKET_LABELS } from '../../../../core/steer/labels.js';
import { STATUS_BUCKETS } from '../../../../core/steer/types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { formatDate } from '../../../lib/format.js';
import { useRegisterScope } from '../products/use-register-scope.js';
import { rate, reportsApi } from '../reports/reports-api.js';
import { SteerNav } from '../steer-nav.js';
import { SplitChart } from './split-chart.js';

// The leader dashboard (/app/steer/dashboard): the national four-way split, per plan and per unit, what changed
// since the last period, key tasks overdue, and a link from each count to the task list. Works on a 360 px phone.

const COLORS = { done_on_time: 'green', done_late: 'orange', in_progress: 'blue', overdue: 'red' } as const;

export function DashboardPage() {
  const scope = useRegisterScope();
  const [asOf, setAsOf] = useState('');
  const unitId = scope.unit?.id;
  const q = useQuery({
    queryKey: ['steer-dashboard', unitId, asOf],
    queryFn: () =>
      reportsApi.dashboard(unitId as number, /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined),
    enabled: unitId !== undefined,
  });
  if (!unitId) return <Alert color="gray">Tài khoản chưa được giao đơn vị nào.</Alert>;
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
        <Title order={2}>Bảng điều hành của lãnh đạo</Title>
        <Text c="dimmed" size="sm">
          {d.scope.name} · số liệu đến ngày {formatDate(d.asOf, 'vi')} · so với ngày{' '}
          {formatDate(d.previousAsOf, 'vi')} ({d.previousPeriod.label})
        </Text>
      </div>
      <TextInput
        label="Xem số liệu đến ngày (dd/mm/yyyy để trống là hôm nay; nhập yyyy-mm-dd)"
        placeholder="2026-06-30"
        value={asOf}
        onChange={(e) => setAsOf(e.currentTarget.value)}
        maw={320}
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {STATUS_BUCKETS.map((b) => (
          <Card key={b} withBorder padding="sm" component={Link} to={tasksLink({ unitId, bucket: b })}>
            <Text size="xs" c="dimmed">
              {STATUS_BUCKET_LABELS[b].vi}
            </Text>
            <Text fw={700} fz={28} c={COLORS[b]}>
              {d.totals.split[b]}
            </Text>
            <Text size="xs" c="dimmed">
              kỳ trước: {d.splitBefore[b]}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Badge variant="light">Tổng số: {d.totals.total}</Badge>
        <Badge variant="light">Đến hạn trong kỳ: {d.totals.due}</Badge>
        <Badge variant="light" color="green">
          Tỷ lệ hoàn thành: {rate(d.totals.completionRate)}
        </Badge>
        <Badge variant="light" color="teal">
          Đúng hạn: {rate(d.totals.onTimeRate)}
        </Badge>
        <Badge variant="light" color={d.totals.overdueChange > 0 ? 'red' : 'green'}>
          Quá hạn {d.totals.overdueChange > 0 ? 'tăng' : d.totals.overdueChange < 0 ? 'giảm' : 'không đổi'}{' '}
          {Math.abs(d.totals.overdueChange)}
        </Badge>
      </Group>

      <Card withBorder>
        <Title order={4} mb="xs">
          Nhiệm vụ trọng tâm quá hạn
        </Title>
        {d.keyOverdue.length === 0 ? (
          <Text c="dimmed">Không có nhiệm vụ trọng tâm quá hạn.</Text>
        ) : (
          <Stack gap={6}>
            {d.keyOverdue.map((o) => (
              <Group key={o.taskId} justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text component={Link} to={`/app/steer/tasks/${o.taskId}`} size="sm" fw={500}>
                    {o.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {o.leadUnitName} · hạn {formatDate(o.due, 'vi')}
                  </Text>
                </div>
                <Badge color="red" style={{ flexShrink: 0 }}>
                  {o.daysOverdue} ngày
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
      </Card>

      <Card withBorder>
        <Title order={4} mb="xs">
          Thay đổi so với kỳ trước
        </Title>
        {moved.length === 0 ? (
          <Text c="dimmed">Không có nhiệm vụ đổi tình trạng.</Text>
        ) : (
          <Stack gap={4}>
            {moved.map(([key, n]) => {
              const [from, to] = key.split('>');
              const name = (b: string) =>
                b in STATUS_BUCKET_LABELS
                  ? STATUS_BUCKET_LABELS[b as keyof typeof STATUS_BUCKET_LABELS].vi
                  : 'Chưa giao';
              return (
                <Text key={key} size="sm">
                  {name(from)} → {name(to)}: <b>{n}</b> nhiệm vụ
                </Text>
              );
            })}
          </Stack>
        )}
      </Card>

      <Card withBorder>
        <Title order={4} mb="xs">
          Theo kế hoạch
        </Title>
        <SplitChart rows={d.plans.map((p) => ({ name: p.numberSymbol, split: p.split }))} />
      </Card>

      <Card withBorder>
        <Title order={4} mb="xs">
          Theo đơn vị chủ trì (xếp hạng theo tỷ lệ đúng hạn)
        </Title>
        <SplitChart rows={d.units.slice(0, 15).map((u) => ({ name: u.name, split: u.split }))} />
        <Table.ScrollContainer minWidth={320}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Hạng</Table.Th>
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th>Đúng hạn</Table.Th>
                <Table.Th>Quá hạn</Table.Th>
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
