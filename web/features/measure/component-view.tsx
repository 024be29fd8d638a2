import { Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Framework } from '../../../core/contracts/measure-framework.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { measureApi } from './measure-api.js';
import { MeasureChart, type MeasureChartOption } from './measure-chart.js';
import { useMT } from './measure-i18n.js';
import { componentsOf } from './use-submission.js';

/** One component's points across the period's units, as horizontal bars. */
export function ComponentView({ periodId, framework }: { periodId: number; framework: Framework }) {
  const t = useMT();
  const { locale } = useI18n();
  const components = componentsOf(framework);
  const [code, setCode] = useState<string | null>(components[0]?.code ?? null);
  const across = useQuery({
    queryKey: ['measure', 'component', periodId, code],
    queryFn: () => measureApi.componentAcross(periodId, code as string),
    enabled: !!code,
  });
  const option = useMemo<MeasureChartOption | null>(() => {
    if (!across.data) return null;
    const units = [...across.data.units].reverse();
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: across.data.maxPoints },
      yAxis: {
        type: 'category',
        data: units.map((u) => u.unitName),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        { type: 'bar', name: t('m.selfPoints'), data: units.map((u) => u.selfPoints ?? 0) },
        { type: 'bar', name: t('m.appraisedPoints'), data: units.map((u) => u.appraisedPoints ?? 0) },
      ],
    };
  }, [across.data, t]);
  return (
    <Stack>
      <Select
        label={t('m.chooseComponent')}
        searchable
        maw={560}
        data={components.map((c) => ({
          value: c.code,
          label: `${c.code}. ${locale === 'en' && c.nameEn ? c.nameEn : c.name}`,
        }))}
        value={code}
        onChange={setCode}
      />
      {across.isFetching && !across.data ? <PageLoader /> : null}
      <ErrorAlert error={across.error} />
      {option && across.data ? (
        <MeasureChart
          option={option}
          height={Math.max(200, 28 * across.data.units.length + 60)}
          label={across.data.name}
          testId="component-chart"
        />
      ) : null}
    </Stack>
  );
}
