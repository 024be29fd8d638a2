import { Alert, Badge, Group, MultiSelect, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { useHT } from './history-i18n.js';
import { contributorText } from './history-text.js';
import { analysisApi, type CarryOptions } from './measure-analysis-api.js';
import { measureApi } from './measure-api.js';
import { useMT } from './measure-i18n.js';
import { fmtValue } from './measure-shared.js';
import { RuleControl } from './unit-history.js';

/** True when the period's root unit belongs to a structure other than today's (e.g. a pre-2025 province). */
export function useIsPastStructure(rootUnitId: number): boolean {
  const structures = useQuery({ queryKey: ['structures'], queryFn: analysisApi.structures });
  const root = useQuery({
    queryKey: ['measure', 'root-structure', rootUnitId],
    queryFn: () => analysisApi.unitStructure(rootUnitId),
    retry: false,
    enabled: rootUnitId > 0,
  });
  const current = structures.data?.items.find((s) => s.validTo === null);
  return !!current && root.data !== undefined && root.data.structureId !== current.id;
}

/** A past period's published results carried onto today's units through lineage, from one or more periods. */
export function InStructureView({ periodId }: { periodId: number }) {
  const t = useMT();
  const h = useHT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const [options, setOptions] = useState<CarryOptions>({ rule: 'mean', missing: 'flag' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [extra, setExtra] = useState<string[]>([]);
  const structures = useQuery({ queryKey: ['structures'], queryFn: analysisApi.structures });
  const periods = useQuery({ queryKey: ['measure', 'periods'], queryFn: measureApi.periods });
  // Default to the structure in force today (no end date), else the newest.
  const items = structures.data?.items ?? [];
  const current = items.find((s) => s.validTo === null) ?? items.at(-1);
  const structureId = chosen ? Number(chosen) : current?.id;
  const self = periods.data?.find((p) => p.id === periodId);
  // Other published periods of the same framework family (other areas), to rank all of today's units at once.
  const siblings = (periods.data ?? []).filter(
    (p) => p.id !== periodId && p.status === 'published' && self && p.frameworkCode === self.frameworkCode,
  );
  const withIds = extra.map(Number);
  const view = useQuery({
    queryKey: ['measure', 'in-structure', periodId, structureId, options, withIds],
    queryFn: () => analysisApi.inStructure(periodId, structureId ?? 0, { ...options, with: withIds }),
    enabled: structureId !== undefined,
  });
  const weighted = view.data?.rule === 'weighted';
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t('m.inStructure.note')}
      </Text>
      <Group mb="xs" align="flex-end" wrap="wrap">
        <Select
          label={t('m.inStructure.structure')}
          w={320}
          data={items.map((s) => ({ value: String(s.id), label: s.name }))}
          value={structureId ? String(structureId) : null}
          onChange={setChosen}
          allowDeselect={false}
        />
        <MultiSelect
          label={h('hx.sources.label')}
          placeholder={siblings.length ? h('hx.sources.placeholder') : h('hx.sources.none')}
          disabled={!siblings.length}
          w={420}
          data={siblings.map((p) => ({ value: String(p.id), label: p.name }))}
          value={extra}
          onChange={setExtra}
          clearable
          data-testid="source-periods"
        />
      </Group>
      <RuleControl value={options} onChange={setOptions} />
      <Text size="xs" c="dimmed" mt={4} mb="md">
        {h('hx.rule.note')}
      </Text>
      <ErrorAlert error={structures.error ?? view.error} />
      {view.isFetching && !view.data ? <PageLoader /> : null}
      {view.data && view.data.sources.length > 1 ? (
        <Text size="sm" mb="xs" data-testid="sources-summary">
          {h('hx.sources.summary', {
            n: view.data.units.length,
            periods: view.data.sources.map((s) => s.periodName).join('; '),
          })}
        </Text>
      ) : null}
      {view.data && !view.data.units.length ? <Alert color="gray">{t('m.noRanking')}</Alert> : null}
      {view.data?.units.length ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="in-structure-table">
            <TableHeader
              columns={[
                { label: t('m.rank'), numeric: true },
                t('m.unit'),
                { label: t('m.value'), numeric: true },
                t('m.predecessors'),
                h('hx.coverage'),
              ]}
            />
            <Table.Tbody>
              {view.data.units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td ta="right" fw={700}>
                    {u.rank ?? '–'}
                  </Table.Td>
                  <Table.Td>{u.unitName}</Table.Td>
                  <Table.Td ta="right">{fmtValue(u.value, tag)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{contributorText(u.predecessors, tag, h)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {weighted && u.coverage.used < u.coverage.total
                        ? h('hx.coverage.part', { used: u.coverage.used, total: u.coverage.total })
                        : h('hx.coverage.all', { total: u.coverage.total })}
                    </Text>
                    {u.treatment !== 'complete' ? (
                      <Badge size="xs" color="orange" variant="light">
                        {h(`hx.treatment.${u.treatment}`)}
                      </Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </>
  );
}
