import { Badge, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { TableHeader } from '../../components/table-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { intlTag } from '../../i18n/locale-store.js';
import { analysisApi, type Contributor, type LineageRule, type UnitHistory } from './measure-analysis-api.js';
import { MeasureChart, type MeasureChartOption } from './measure-chart.js';
import { type MeasureT, useMT } from './measure-i18n.js';
import { fmtValue } from './measure-shared.js';

export function RuleControl({ value, onChange }: { value: LineageRule; onChange: (r: LineageRule) => void }) {
  const t = useMT();
  return (
    <SegmentedControl
      size="xs"
      value={value}
      onChange={(v) => onChange(v as LineageRule)}
      data={(['mean', 'weighted', 'sum'] as const).map((r) => ({ value: r, label: t(`m.rule.${r}`) }))}
      aria-label={t('m.rule.label')}
    />
  );
}

/** "Unit A (0,62), Unit B (0,48)": whose results make up a value carried across the reorganisation. */
export function contributorText(list: Contributor[], tag: string): string {
  return list.map((c) => `${c.unitName} (${fmtValue(c.value, tag)})`).join(', ');
}

function chartOption(h: UnitHistory, t: MeasureT): MeasureChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    // Period names are long; the year labels the axis and the table below names each period.
    xAxis: { type: 'category', data: h.periods.map((p) => String(p.year)) },
    yAxis: { type: 'value', min: 0, max: 1 },
    series: [
      {
        type: 'line',
        name: t('m.value'),
        data: h.periods.map((p) => (p.value === null ? null : Math.round(p.value * 1000) / 1000)),
        symbolSize: 8,
      },
    ],
  };
}

/** Today's unit's results back through its predecessors (lineage), by the chosen carrying rule. */
export function UnitHistoryPanel({ unitId }: { unitId: number }) {
  const t = useMT();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const [rule, setRule] = useState<LineageRule>('mean');
  const history = useQuery({
    queryKey: ['measure', 'unit-history', unitId, rule],
    queryFn: () => analysisApi.unitHistory(unitId, rule),
  });
  const option = useMemo(() => (history.data ? chartOption(history.data, t) : null), [history.data, t]);
  return (
    <Paper withBorder p="md" radius="md" data-testid="unit-history">
      <Title order={2} size="h4" mb="xs">
        {t('m.history')}
      </Title>
      <RuleControl value={rule} onChange={setRule} />
      {history.isPending ? <PageLoader /> : null}
      <ErrorAlert error={history.error} />
      {history.data && !history.data.periods.length ? <Text c="dimmed">{t('m.noData')}</Text> : null}
      {history.data?.periods.length && option ? (
        <>
          <MeasureChart option={option} height={180} label={t('m.history')} testId="history-chart" />
          <Table fz="sm">
            <TableHeader
              columns={[t('m.period'), { label: t('m.value'), numeric: true }, t('m.predecessors')]}
            />
            <Table.Tbody>
              {history.data.periods.map((p) => (
                <Table.Tr key={p.periodId}>
                  <Table.Td>{p.periodName}</Table.Td>
                  <Table.Td ta="right">{fmtValue(p.value, tag)}</Table.Td>
                  <Table.Td>
                    {p.direct ? (
                      <Badge size="xs" variant="light">
                        {t('m.direct')}
                      </Badge>
                    ) : (
                      <Text size="xs">{contributorText(p.contributors, tag) || '–'}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Paper>
  );
}
