import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Period, PeriodTargets } from '../../../core/contracts/measure.js';
import type { Framework } from '../../../core/contracts/measure-framework.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { fieldErrorsOf } from '../../components/form-errors.js';
import { notify } from '../../components/notify.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { api } from '../../lib/api-client.js';
import { fmtValue } from './measure-shared.js';
import { useTT } from './targets-i18n.js';
import { mainIndicesOf } from './use-submission.js';

// The period's plan targets (0–1 values, as everywhere else in Measure) and, for managers, a form to change
// them. Entered as values rather than percent so they read like the values in rankings and profiles.

const saveTargets = (periodId: number, body: PeriodTargets) =>
  api.put<Period>(`/api/measure/periods/${periodId}/targets`, body);

type Draft = { total: number | string; mainIndices: Record<string, number | string> };
const toNumber = (v: number | string): number | null => (v === '' || v === null ? null : Number(v));

function TargetsForm({
  period,
  framework,
  onDone,
}: {
  period: Period;
  framework: Framework;
  onDone: () => void;
}) {
  const tt = useTT();
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const mains = mainIndicesOf(framework);
  const [draft, setDraft] = useState<Draft>({
    total: period.targets.total ?? '',
    mainIndices: Object.fromEntries(mains.map((m) => [m.code, period.targets.mainIndices[m.code] ?? ''])),
  });
  const mutation = useMutation({
    mutationFn: () => {
      const mainIndices: Record<string, number> = {};
      for (const [code, v] of Object.entries(draft.mainIndices)) {
        const n = toNumber(v);
        if (n !== null) mainIndices[code] = n;
      }
      return saveTargets(period.id, { total: toNumber(draft.total), mainIndices });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['measure'] });
      notify(tt('tg.saved'));
      onDone();
    },
  });
  const errors = fieldErrorsOf(mutation.error);
  const decimalSeparator = locale === 'en' ? '.' : ',';
  const input = (
    label: string,
    value: number | string,
    onChange: (v: number | string) => void,
    error?: string,
  ) => (
    <NumberInput
      label={label}
      value={value}
      onChange={onChange}
      min={0}
      max={1}
      step={0.05}
      decimalScale={3}
      decimalSeparator={decimalSeparator}
      error={error}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="targets-form">
      <Stack>
        {mutation.error && !Object.keys(errors).length ? <ErrorAlert error={mutation.error} /> : null}
        <Text size="sm" c="dimmed">
          {tt('tg.valueHint')}
        </Text>
        {input(tt('tg.totalLabel'), draft.total, (v) => setDraft((d) => ({ ...d, total: v })), errors.total)}
        {mains.map((m) =>
          input(
            tt('tg.mainLabel', { code: m.code, name: locale === 'en' && m.nameEn ? m.nameEn : m.name }),
            draft.mainIndices[m.code] ?? '',
            (v) => setDraft((d) => ({ ...d, mainIndices: { ...d.mainIndices, [m.code]: v } })),
            errors[`mainIndices.${m.code}`],
          ),
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {tt('tg.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {tt('tg.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PeriodTargetsSection({
  period,
  framework,
  canEdit,
}: {
  period: Period;
  framework: Framework | undefined;
  canEdit: boolean;
}) {
  const tt = useTT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const [opened, { open, close }] = useDisclosure(false);
  const names = new Map(
    mainIndicesOf(framework).map((m) => [m.code, locale === 'en' && m.nameEn ? m.nameEn : m.name]),
  );
  const codes = [...names.keys()];
  const orderOf = (code: string) => (codes.includes(code) ? codes.indexOf(code) : codes.length);
  const rows: { key: string; label: string; target: number }[] = [
    ...(period.targets.total === null
      ? []
      : [{ key: 'total', label: tt('tg.total'), target: period.targets.total }]),
    // Framework order, as in the profile; a code the framework no longer has goes last.
    ...Object.entries(period.targets.mainIndices)
      .sort(([a], [b]) => orderOf(a) - orderOf(b))
      // The name once the framework has loaded (or while it still has the code); the bare code otherwise.
      .map(([code, target]) => {
        const name = names.get(code);
        return { key: code, label: name ? `${code}. ${name}` : code, target };
      }),
  ];
  return (
    <Paper withBorder p="md" radius="md" mb="md" data-testid="period-targets">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {tt('tg.title')}
        </Title>
        {canEdit && framework ? (
          <Button size="xs" variant="light" onClick={open}>
            {tt('tg.edit')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {tt('tg.note')}
      </Text>
      {rows.length ? (
        <Table fz="sm" maw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tt('tg.node')}</Table.Th>
              <Table.Th ta="right">{tt('tg.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td ta="right">{fmtValue(r.target, tag)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm">{tt('tg.none')}</Text>
      )}
      <AppModal opened={opened} onClose={close} title={tt('tg.editTitle')}>
        {framework ? <TargetsForm period={period} framework={framework} onDone={close} /> : null}
      </AppModal>
    </Paper>
  );
}
