import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ComponentValue, Framework } from '../../../core/contracts/measure-framework.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { ApiError } from '../../lib/api-client.js';
import { ComponentInput } from './component-input.js';
import { analysisApi, type ScoreSummary, type WhatIfResult } from './measure-analysis-api.js';
import { type MeasureT, useMT } from './measure-i18n.js';
import { fmtPoints, fmtValue } from './measure-shared.js';
import { componentsOf, mainIndicesOf } from './use-submission.js';

type Overrides = Record<string, ComponentValue | null>;

/** Field messages of a rejected what-if, keyed by the component or main-index code they name. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) {
    const code = e.field.replace(/^body\.(overrides|weights)\./, '').split('.')[0];
    out[code] ??= e.message;
  }
  return out;
}

function Summary({
  title,
  s,
  rank,
  tag,
  t,
}: {
  title: string;
  s: ScoreSummary;
  rank: number | null;
  tag: string;
  t: MeasureT;
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {title}
      </Text>
      <Text fw={700} size="lg">
        {fmtPoints(s.points, tag)} / {fmtPoints(s.applicableMax, tag)}
      </Text>
      <Text size="sm">
        {t('m.value')}: <b>{fmtValue(s.value, tag)}</b> · {t('m.rank')}: <b>{rank ?? '–'}</b>
      </Text>
      {s.band ? <Badge variant="outline">{s.band.name}</Badge> : null}
    </Paper>
  );
}

function Result({ r, names, tag }: { r: WhatIfResult; names: Map<string, string>; tag: string }) {
  const t = useMT();
  const rankDelta = r.rankBefore !== null && r.rankAfter !== null ? r.rankBefore - r.rankAfter : null;
  const sign = (n: number) => (n > 0 ? `+${fmtPoints(n, tag)}` : fmtPoints(n, tag));
  return (
    <Stack gap="xs" data-testid="what-if-result">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Summary title={t('m.whatIf.before')} s={r.before} rank={r.rankBefore} tag={tag} t={t} />
        <Summary title={t('m.whatIf.after')} s={r.after} rank={r.rankAfter} tag={tag} t={t} />
      </SimpleGrid>
      <Text size="sm">
        {t('m.whatIf.delta', { points: sign(r.deltaPoints), n: r.peerCount })}{' '}
        {rankDelta === null
          ? ''
          : rankDelta === 0
            ? t('m.whatIf.rankSame')
            : t(rankDelta > 0 ? 'm.whatIf.rankUp' : 'm.whatIf.rankDown', { n: Math.abs(rankDelta) })}
      </Text>
      {r.changedComponents.length ? (
        <Table fz="sm">
          <Table.Tbody>
            {r.changedComponents.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>{names.get(c.code) ?? c.code}</Table.Td>
                <Table.Td ta="right">
                  {fmtPoints(c.before, tag)} → <b>{fmtPoints(c.after, tag)}</b>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

/** Sandbox: change a few values or main-index weights and see the score and rank; nothing is saved. */
export function WhatIfPanel({
  periodId,
  unitId,
  framework,
}: {
  periodId: number;
  unitId: number;
  framework: Framework;
}) {
  const t = useMT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const components = useMemo(() => componentsOf(framework).filter((c) => !c.informational), [framework]);
  const mainIndices = useMemo(() => mainIndicesOf(framework), [framework]);
  const names = useMemo(
    () => new Map([...components, ...mainIndices].map((c) => [c.code, `${c.code}. ${c.name}`])),
    [components, mainIndices],
  );
  const [overrides, setOverrides] = useState<Overrides>({});
  const [weights, setWeights] = useState<Record<string, number | string>>({});
  const [picked, setPicked] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => {
      const w = Object.fromEntries(
        Object.entries(weights)
          .filter(([, v]) => v !== '')
          .map(([k, v]) => [k, Number(v)]),
      );
      return analysisApi.whatIf(periodId, unitId, {
        overrides,
        ...(Object.keys(w).length ? { weights: w } : {}),
      });
    },
  });
  const errors = fieldErrors(run.error);
  const reset = () => {
    setOverrides({});
    setWeights({});
    run.reset();
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid="what-if">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('m.whatIf.title')}
        </Title>
        <Badge color="orange" variant="light">
          {t('m.whatIf.sandbox')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('m.whatIf.note')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Select
            label={t('m.whatIf.addComponent')}
            searchable
            data={components
              .filter((c) => !(c.code in overrides) && c.rule.kind !== 'formula')
              .map((c) => ({ value: c.code, label: names.get(c.code) ?? c.code }))}
            value={picked}
            onChange={(code) => {
              if (code) setOverrides((o) => ({ ...o, [code]: null }));
              setPicked(null);
            }}
          />
          {Object.keys(overrides).map((code) => {
            const component = components.find((c) => c.code === code);
            if (!component) return null;
            return (
              <Group key={code} align="flex-end" wrap="nowrap" gap="xs">
                <Stack gap={2} style={{ flex: 1 }}>
                  <Text size="sm" fw={600}>
                    {names.get(code)}
                  </Text>
                  <ComponentInput
                    component={component}
                    value={overrides[code]}
                    onChange={(v) => setOverrides((o) => ({ ...o, [code]: v }))}
                    error={errors[code]}
                  />
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('m.whatIf.remove')}
                  onClick={() => setOverrides(({ [code]: _, ...rest }) => rest)}
                >
                  ✕
                </ActionIcon>
              </Group>
            );
          })}
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('m.whatIf.weights')}
          </Text>
          {mainIndices.map((m) => (
            <NumberInput
              key={m.code}
              size="xs"
              label={names.get(m.code)}
              placeholder={String(m.maxPoints)}
              min={0}
              max={100000}
              value={weights[m.code] ?? ''}
              onChange={(v) => setWeights((w) => ({ ...w, [m.code]: v }))}
              error={errors[m.code]}
            />
          ))}
        </Stack>
      </SimpleGrid>
      <Group mt="md">
        <Button onClick={() => run.mutate()} loading={run.isPending}>
          {t('m.whatIf.run')}
        </Button>
        <Button variant="default" onClick={reset}>
          {t('m.whatIf.reset')}
        </Button>
      </Group>
      {run.error && !Object.keys(errors).length ? <ErrorAlert error={run.error} /> : null}
      {run.error && Object.keys(errors).length ? (
        <Alert color="red" mt="sm" role="alert">
          {Object.entries(errors)
            .map(([k, v]) => `${names.get(k) ?? k}: ${v}`)
            .join('; ')}
        </Alert>
      ) : null}
      {run.data ? (
        <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          <Result r={run.data} names={names} tag={tag} />
        </div>
      ) : null}
    </Paper>
  );
}
