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
import { STATUS_BUCKET_LABELS } from '../../../../core/steer/labels.js';
import { STATUS_BUCKETS } from '../../../../core/steer/types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { notify } from '../../../components/notify.js';
import { formatDate, formatDateTime, todayInVietnam } from '../../../lib/format.js';
import { useRegisterScope } from '../products/use-register-scope.js';
import { SteerNav } from '../steer-nav.js';
import { rate, reportsApi } from './reports-api.js';

// Periodic reports (/app/steer/reports): choose the period type and period, preview the numbers, issue with a
// confirmation (a snapshot that later edits never change), download XLSX/DOCX, and the list of issued reports.

const TYPES = [
  { value: 'month', label: 'Tháng' },
  { value: 'quarter', label: 'Quý' },
  { value: 'half', label: '6 tháng' },
  { value: 'year', label: 'Năm' },
];

function periodsOf(type: string, year: number) {
  if (type === 'month')
    return Array.from({ length: 12 }, (_, i) => ({
      value: `${year}-${String(i + 1).padStart(2, '0')}`,
      label: `Tháng ${i + 1}/${year}`,
    }));
  if (type === 'quarter')
    return ['I', 'II', 'III', 'IV'].map((r, i) => ({
      value: `${year}-Q${i + 1}`,
      label: `Quý ${r}/${year}`,
    }));
  if (type === 'half')
    return [
      { value: `${year}-H1`, label: `6 tháng đầu năm ${year}` },
      { value: `${year}-H2`, label: `6 tháng cuối năm ${year}` },
    ];
  return [{ value: String(year), label: `Năm ${year}` }];
}

export function ReportsPage() {
  const scope = useRegisterScope();
  const qc = useQueryClient();
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const [type, setType] = useState('quarter');
  const [period, setPeriod] = useState<string | null>(null);
  const [numberSymbol, setNumberSymbol] = useState('');
  const [confirm, setConfirm] = useState(false);
  const unitId = scope.unit?.id;
  const options = [...periodsOf(type, year), ...periodsOf(type, year - 1)];
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
      notify(`Đã ban hành báo cáo ${r.periodLabel}`);
      void qc.invalidateQueries({ queryKey: ['steer-reports', unitId] });
    },
  });
  if (!unitId) return <Alert color="gray">Tài khoản chưa được giao đơn vị nào.</Alert>;
  const d = preview.data;
  return (
    <Stack gap="md" maw={1100}>
      <SteerNav />
      <Title order={2}>Báo cáo định kỳ kết quả thực hiện nhiệm vụ</Title>
      <Text c="dimmed" size="sm">
        {scope.unit?.name}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Loại kỳ"
          data={TYPES}
          value={type}
          onChange={(v) => {
            setType(v ?? 'quarter');
            setPeriod(null);
          }}
          w={140}
          allowDeselect={false}
        />
        <Select
          label="Kỳ báo cáo"
          data={options}
          value={period}
          onChange={setPeriod}
          w={220}
          placeholder="Chọn kỳ"
          searchable
        />
      </Group>
      {preview.error && <ErrorAlert error={preview.error} />}
      {d && (
        <Card withBorder>
          <Title order={4}>Xem trước: {d.period.label}</Title>
          <Text size="sm" c="dimmed" mb="xs">
            Số liệu tính đến ngày {formatDate(d.asOf, 'vi')}; so với ngày {formatDate(d.previousAsOf, 'vi')}
          </Text>
          <Table.ScrollContainer minWidth={320}>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tình trạng</Table.Th>
                  <Table.Th>Tất cả nhiệm vụ</Table.Th>
                  <Table.Th>Đến hạn trong kỳ</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {STATUS_BUCKETS.map((b) => (
                  <Table.Tr key={b}>
                    <Table.Td>{STATUS_BUCKET_LABELS[b].vi}</Table.Td>
                    <Table.Td>{d.totals.split[b]}</Table.Td>
                    <Table.Td>{d.totals.dueSplit[b]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" mt="xs">
            Tỷ lệ hoàn thành {rate(d.totals.completionRate)} · đúng hạn {rate(d.totals.onTimeRate)} · quá hạn{' '}
            {d.totals.overdue} (kỳ trước {d.totals.overdueBefore}) · {d.overdueList.length} nhiệm vụ trong
            danh mục quá hạn
          </Text>
          {scope.canManage && (
            <Group mt="md" align="flex-end">
              <TextInput
                label="Số, ký hiệu (không bắt buộc)"
                placeholder="45/BC-SKHCN"
                value={numberSymbol}
                onChange={(e) => setNumberSymbol(e.currentTarget.value)}
              />
              <Button onClick={() => setConfirm(true)}>Ban hành báo cáo</Button>
            </Group>
          )}
        </Card>
      )}
      <Modal opened={confirm} onClose={() => setConfirm(false)} title="Ban hành báo cáo?">
        <Stack>
          <Text size="sm">
            Báo cáo {d?.period.label} sẽ được lưu với số liệu đến ngày {formatDate(d?.asOf, 'vi')}. Các thay
            đổi nhiệm vụ sau này không làm thay đổi báo cáo đã ban hành; tỷ lệ hoàn thành và tỷ lệ đúng hạn
            được ghi vào chỉ tiêu.
          </Text>
          {issue.error && <ErrorAlert error={issue.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              Hủy
            </Button>
            <Button loading={issue.isPending} onClick={() => issue.mutate()}>
              Ban hành
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Card withBorder>
        <Title order={4} mb="xs">
          Báo cáo đã ban hành
        </Title>
        {list.error && <ErrorAlert error={list.error} />}
        {list.data?.items.length === 0 && <Text c="dimmed">Chưa có báo cáo nào.</Text>}
        <Stack gap="xs">
          {list.data?.items.map((r) => (
            <Group key={r.id} justify="space-between" wrap="wrap">
              <div>
                <Text fw={500}>
                  {r.periodLabel} {r.numberSymbol ? `· ${r.numberSymbol}` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  Đến ngày {formatDate(r.asOf, 'vi')} · {r.taskCount} nhiệm vụ · đúng hạn {rate(r.onTimeRate)}{' '}
                  · ban hành {formatDateTime(r.issuedAt, 'vi')} bởi {r.issuedBy}
                </Text>
              </div>
              <Group gap="xs">
                <Button component="a" href={reportsApi.fileUrl(r.id, 'xlsx')} variant="light" size="xs">
                  Tải XLSX
                </Button>
                <Button component="a" href={reportsApi.fileUrl(r.id, 'docx')} variant="light" size="xs">
                  Tải DOCX
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
