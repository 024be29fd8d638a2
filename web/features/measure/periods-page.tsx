import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { PeriodCreate } from '../../../core/contracts/measure.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { fieldErrorsOf } from '../../components/form-errors.js';
import { notify } from '../../components/notify.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { formatDate, todayInVietnam } from '../../lib/format.js';
import { useSession } from '../auth/use-session.js';
import { measureApi } from './measure-api.js';
import { type MeasureKey, useMT } from './measure-i18n.js';
import { isAppraiser, MeasureTabs, officerUnitOf, StatusBadge } from './measure-shared.js';
import { PeriodActions } from './period-actions.js';
import { useTT } from './targets-i18n.js';

const KINDS = ['commune', 'ward', 'special_zone', 'department', 'province'] as const;

function CreatePeriodForm({ rootUnitId, onDone }: { rootUnitId: number; onDone: () => void }) {
  const t = useMT();
  const tt = useTT();
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const frameworks = useQuery({ queryKey: ['measure', 'frameworks'], queryFn: measureApi.frameworks });
  const year = Number(todayInVietnam().slice(0, 4));
  const [form, setForm] = useState({
    name: `Đánh giá chuyển đổi số năm ${year}`,
    year: String(year),
    frameworkId: null as string | null,
    unitKinds: ['commune', 'ward'] as string[],
    opensOn: todayInVietnam(),
    dueOn: `${year}-12-31`,
    // The plan target of the total index (0–1); per-main-index targets are set on the period page.
    targetTotal: '' as number | string,
  });
  const mutation = useMutation({
    mutationFn: () =>
      measureApi.createPeriod({
        name: form.name,
        year: Number(form.year),
        frameworkId: Number(form.frameworkId ?? 0),
        rootUnitId,
        unitIds: [],
        unitKinds: form.unitKinds as PeriodCreate['unitKinds'],
        unitGroups: {},
        opensOn: form.opensOn,
        dueOn: form.dueOn,
        ...(form.targetTotal === '' ? {} : { targets: { total: Number(form.targetTotal), mainIndices: {} } }),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['measure', 'periods'] });
      notify(t('m.created'));
      onDone();
    },
  });
  const errors = fieldErrorsOf(mutation.error);
  const set = (k: keyof typeof form) => (v: unknown) => setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.error && !Object.keys(errors).length ? <ErrorAlert error={mutation.error} /> : null}
        <TextInput
          label={t('m.periodName')}
          value={form.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={errors.name}
          required
        />
        <TextInput
          label={t('m.year')}
          type="number"
          value={form.year}
          onChange={(e) => set('year')(e.currentTarget.value)}
          error={errors.year}
        />
        <Select
          label={t('m.framework')}
          data={(frameworks.data ?? []).map((f) => ({
            value: String(f.id),
            label: `${f.name} (v${f.version})`,
          }))}
          value={form.frameworkId}
          onChange={set('frameworkId')}
          error={errors.frameworkId}
          required
        />
        <MultiSelect
          label={t('m.unitKinds')}
          data={KINDS.map((k) => ({ value: k, label: t(`m.kind.${k}` as MeasureKey) }))}
          value={form.unitKinds}
          onChange={set('unitKinds')}
          error={errors.unitKinds}
        />
        <Group grow>
          <TextInput
            label={t('m.opensOn')}
            type="date"
            value={form.opensOn}
            onChange={(e) => set('opensOn')(e.currentTarget.value)}
            error={errors.opensOn}
          />
          <TextInput
            label={t('m.dueOn')}
            type="date"
            value={form.dueOn}
            onChange={(e) => set('dueOn')(e.currentTarget.value)}
            error={errors.dueOn}
          />
        </Group>
        <NumberInput
          label={tt('tg.totalLabel')}
          description={tt('tg.valueHint')}
          value={form.targetTotal}
          onChange={set('targetTotal')}
          min={0}
          max={1}
          step={0.05}
          decimalScale={3}
          decimalSeparator={locale === 'en' ? '.' : ','}
          error={errors['targets.total']}
        />
        <Button type="submit" loading={mutation.isPending}>
          {t('m.createPeriod')}
        </Button>
      </Stack>
    </form>
  );
}

export function PeriodsPage() {
  const t = useMT();
  const { locale } = useI18n();
  const session = useSession();
  const appraiser = isAppraiser(session.data);
  const myUnit = officerUnitOf(session.data);
  const [opened, { open, close }] = useDisclosure(false);
  const periods = useQuery({ queryKey: ['measure', 'periods'], queryFn: measureApi.periods });
  const rootUnitId = session.data?.grants.find((g) => g.role === 'secretariat' || g.role === 'admin')?.unitId;
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={1}>{t('m.title')}</Title>
        {appraiser && rootUnitId ? <Button onClick={open}>{t('m.createPeriod')}</Button> : null}
      </Group>
      <MeasureTabs />
      {periods.isPending ? <PageLoader /> : null}
      <ErrorAlert error={periods.error} />
      {periods.data && periods.data.length === 0 ? <Alert color="gray">{t('m.noPeriods')}</Alert> : null}
      {periods.data && periods.data.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <TableHeader
              columns={[
                t('m.period'),
                t('m.framework'),
                { label: t('m.units'), numeric: true },
                t('m.opensOn'),
                t('m.dueOn'),
                t('m.status'),
                t('m.actions'),
              ]}
            />
            <Table.Tbody>
              {periods.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Link to={`/measure/periods/${p.id}`}>{p.name}</Link>
                  </Table.Td>
                  <Table.Td>
                    {p.frameworkName} ({t('m.versionN', { n: p.frameworkVersion })})
                  </Table.Td>
                  <Table.Td ta="right">{p.unitCount.toLocaleString(intlTag(locale))}</Table.Td>
                  <Table.Td>{formatDate(p.opensOn, locale)}</Table.Td>
                  <Table.Td>{formatDate(p.dueOn, locale)}</Table.Td>
                  <Table.Td miw={130}>
                    <StatusBadge status={p.status} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {myUnit && p.status === 'open' ? (
                        <Button
                          size="xs"
                          component={Link}
                          reloadDocument
                          to={`/measure/periods/${p.id}/units/${myUnit.id}/entry`}
                        >
                          {t('m.enterData')}
                        </Button>
                      ) : null}
                      <PeriodActions period={p} appraiser={appraiser} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <AppModal opened={opened} onClose={close} title={t('m.createPeriod')}>
        {rootUnitId ? <CreatePeriodForm rootUnitId={rootUnitId} onDone={close} /> : null}
      </AppModal>
    </>
  );
}
