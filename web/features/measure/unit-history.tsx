import { Badge, Group, Paper, SegmentedControl, Select, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { type HistoryT, useHT } from './history-i18n.js';
import { contributorText, gapText } from './history-text.js';
import {
  analysisApi,
  type CarryOptions,
  type Contributor,
  type MissingWeight,
  type UnitHistory,
} from './measure-analysis-api.js';
import { MeasureChart, type MeasureChartOption } from './measure-chart.js';
import { useMT } from './measure-i18n.js';
import { fmtValue } from './measure-shared.js';

const RULES = ['mean', 'weighted', 'pooled'] as const;

/** The carrying rule; values are 0–1 shares of a maximum, so a sum is never offered. */
export function RuleControl({
  value,
  onChange,
}: {
  value: CarryOptions;
  onChange: (o: CarryOptions) => void;
}) {
  const h = useHT();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <div>
        <Text size="xs" fw={500} mb={4}>
          {h('hx.rule.label')}
        </Text>
        <SegmentedControl
          size="xs"
          value={value.rule}
          onChange={(v) => onChange({ ...value, rule: v as CarryOptions['rule'] })}
          data={RULES.map((r) => ({ value: r, label: h(`hx.rule.${r}`) }))}
          aria-label={h('hx.rule.label')}
        />
      </div>
      {value.rule === 'weighted' ? (
        <Select
          size="xs"
          w={260}
          label={h('hx.missing.label')}
          data={(['flag', 'mean', 'exclude'] as const).map((m) => ({
            value: m,
            label: h(`hx.missing.${m}`),
          }))}
          value={value.missing}
          onChange={(v) => v && onChange({ ...value, missing: v as MissingWeight })}
          allowDeselect={false}
          data-testid="missing-weight"
        />
      ) : null}
    </Group>
  );
}

function chartOption(hist: UnitHistory, h: HistoryT): MeasureChartOption {
  const years = [...new Set(hist.periods.map((p) => p.year))].sort((a, b) => a - b);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 44, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', min: 0, max: 1, name: h('hx.axis'), nameLocation: 'middle', nameGap: 32 },
    // One line per framework family: values of different frameworks are not one series.
    series: hist.families.map((f) => ({
      type: 'line',
      name: f.name,
      connectNulls: false,
      symbolSize: 8,
      data: years.map((y) => {
        const p = hist.periods
          .filter((x) => x.frameworkCode === f.code && x.year === y && x.value !== null)
          .at(-1);
        return p ? Math.round((p.value ?? 0) * 1000) / 1000 : null;
      }),
    })),
  };
}

/** Today's unit's results back through its predecessors (lineage), per framework family. */
export function UnitHistoryPanel({ unitId }: { unitId: number }) {
  const t = useMT();
  const h = useHT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const [options, setOptions] = useState<CarryOptions>({ rule: 'mean', missing: 'flag' });
  const history = useQuery({
    queryKey: ['measure', 'unit-history', unitId, options],
    queryFn: () => analysisApi.unitHistory(unitId, options),
  });
  const option = useMemo(() => (history.data ? chartOption(history.data, h) : null), [history.data, h]);
  const familyName = new Map(history.data?.families.map((f) => [f.code, f.name]) ?? []);
  return (
    <Paper withBorder p="md" radius="md" data-testid="unit-history">
      <Title order={2} size="h4" mb="xs">
        {t('m.history')}
      </Title>
      <RuleControl value={options} onChange={setOptions} />
      <Text size="xs" c="dimmed" mt={4}>
        {h('hx.rule.note')}
      </Text>
      {history.isPending ? <PageLoader /> : null}
      <ErrorAlert error={history.error} />
      {history.data && !history.data.periods.length ? <Text c="dimmed">{t('m.noData')}</Text> : null}
      {history.data?.periods.length && option ? (
        <>
          <MeasureChart option={option} height={220} label={t('m.history')} testId="history-chart" />
          <Table.ScrollContainer minWidth={560}>
            <Table fz="sm" data-testid="history-table">
              <TableHeader
                columns={[
                  t('m.period'),
                  h('hx.family'),
                  { label: t('m.value'), numeric: true },
                  t('m.predecessors'),
                ]}
              />
              <Table.Tbody>
                {history.data.periods.map((p) => (
                  <Table.Tr key={p.periodId}>
                    <Table.Td>{p.periodName}</Table.Td>
                    <Table.Td>{familyName.get(p.frameworkCode) ?? p.frameworkName}</Table.Td>
                    <Table.Td ta="right">
                      {p.value === null ? (
                        <Text size="xs" c="dimmed" ta="right">
                          – {gapText(p, h)}
                        </Text>
                      ) : (
                        fmtValue(p.value, tag)
                      )}
                    </Table.Td>
                    <Table.Td>
                      {p.direct ? (
                        <Badge size="xs" variant="light">
                          {t('m.direct')}
                        </Badge>
                      ) : (
                        <>
                          <Text size="xs">{contributorText(p.contributors, tag, h) || '–'}</Text>
                          {p.treatment && p.treatment !== 'complete' ? (
                            <Badge size="xs" color="orange" variant="light">
                              {h(`hx.treatment.${p.treatment}`)}
                            </Badge>
                          ) : null}
                        </>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Paper>
  );
}
