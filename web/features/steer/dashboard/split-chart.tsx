import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { STATUS_BUCKETS } from '../../../../core/steer/types.js';
import { bucketName, type ReportsT } from '../reports/reports-i18n.js';

// The four-way split as stacked horizontal bars (one per plan or unit). Loaded with the dashboard page only.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;
const COLORS = { done_on_time: '#2f9e44', done_late: '#f08c00', in_progress: '#1c7ed6', overdue: '#e03131' };

export type SplitRow = { name: string; split: Record<(typeof STATUS_BUCKETS)[number], number> };

export function SplitChart({ rows, t }: { rows: SplitRow[]; t: ReportsT }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, null, { renderer: 'svg' });
    const option: Option = {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisLabel: { width: 110, overflow: 'truncate', fontSize: 11 },
      },
      series: STATUS_BUCKETS.map((b) => ({
        type: 'bar',
        stack: 'all',
        name: bucketName(b, t),
        itemStyle: { color: COLORS[b] },
        data: rows.map((r) => r.split[b]),
      })),
    };
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, t]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('db.chart')}
      style={{ width: '100%', height: 80 + rows.length * 28 }}
    />
  );
}
