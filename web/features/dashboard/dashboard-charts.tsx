import { BarChart, type BarSeriesOption, PieChart, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// The dashboard's two small charts (units per maturity band, tasks per status). ECharts loads with this file
// only (React.lazy in dx-dashboard.tsx), as the units page does, so the home page's first paint stays light.
use([BarChart, PieChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption>;

export type ChartSlice = { name: string; value: number; color?: string };

function useChart(option: Option) {
  const ref = useRef<HTMLDivElement>(null);
  // Redrawn only when the figures change, not on every render of the dashboard.
  const key = JSON.stringify(option);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, null, { renderer: 'svg' });
    chart.setOption({ animation: false, ...(JSON.parse(key) as Option) });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [key]);
  return ref;
}

/** A donut of counts (tasks by status). */
export function DonutChart({ slices, label }: { slices: ChartSlice[]; label: string }) {
  const ref = useChart({
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '75%'],
        label: { fontSize: 11, formatter: '{c}' },
        data: slices.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.color } })),
      },
    ],
  });
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 200 }} />;
}

/** Horizontal bars of counts (units per band). */
export function BarsChart({ slices, label }: { slices: ChartSlice[]; label: string }) {
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: slices.map((s) => s.name),
      axisLabel: { width: 100, overflow: 'truncate', fontSize: 11 },
    },
    series: [
      {
        type: 'bar',
        data: slices.map((s) => s.value),
        itemStyle: { color: '#1c64c8' },
        label: { show: true, position: 'right', fontSize: 11 },
      },
    ],
  });
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      style={{ width: '100%', height: Math.max(120, slices.length * 32 + 24) }}
    />
  );
}
