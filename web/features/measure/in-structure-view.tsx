import { Alert, Group, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { analysisApi, type LineageRule } from './measure-analysis-api.js';
import { useMT } from './measure-i18n.js';
import { fmtValue } from './measure-shared.js';
import { contributorText, RuleControl } from './unit-history.js';

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

/** A past period's published results carried onto today's units through lineage (mean, weighted or sum). */
export function InStructureView({ periodId }: { periodId: number }) {
  const t = useMT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const [rule, setRule] = useState<LineageRule>('mean');
  const [chosen, setChosen] = useState<string | null>(null);
  const structures = useQuery({ queryKey: ['structures'], queryFn: analysisApi.structures });
  // Default to the structure in force today (no end date), else the newest.
  const items = structures.data?.items ?? [];
  const current = items.find((s) => s.validTo === null) ?? items.at(-1);
  const structureId = chosen ? Number(chosen) : current?.id;
  const view = useQuery({
    queryKey: ['measure', 'in-structure', periodId, structureId, rule],
    queryFn: () => analysisApi.inStructure(periodId, structureId ?? 0, rule),
    enabled: structureId !== undefined,
  });
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t('m.inStructure.note')}
      </Text>
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('m.inStructure.structure')}
          w={320}
          data={items.map((s) => ({ value: String(s.id), label: s.name }))}
          value={structureId ? String(structureId) : null}
          onChange={setChosen}
          allowDeselect={false}
        />
        <RuleControl value={rule} onChange={setRule} />
      </Group>
      <ErrorAlert error={structures.error ?? view.error} />
      {view.isFetching && !view.data ? <PageLoader /> : null}
      {view.data && !view.data.units.length ? <Alert color="gray">{t('m.noRanking')}</Alert> : null}
      {view.data?.units.length ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="in-structure-table">
            <TableHeader
              columns={[
                { label: t('m.rank'), numeric: true },
                t('m.unit'),
                { label: t('m.value'), numeric: true },
                t('m.predecessors'),
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
                    <Text size="xs">{contributorText(u.predecessors, tag)}</Text>
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
