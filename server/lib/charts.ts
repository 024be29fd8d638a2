import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

// Charts for server-made documents (DOCX reports, letters): echarts renders an option to SVG without a
// DOM (server-side rendering), resvg rasterises it to PNG, which every word processor shows.
// Fonts: resvg loads system fonts; Noto Sans (fonts-noto-core) has every Vietnamese diacritic.

export const CHART_FONT_FAMILY = 'Noto Sans, DejaVu Sans, sans-serif';

export type ChartSize = { width: number; height: number };

/** Any echarts option → SVG text (animation off: an SSR frame must show the final state). */
export function renderChartSvg(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** SVG → PNG at `scale` × the SVG's size (2 keeps text sharp when Word scales the picture down). */
export function svgToPng(svg: string, width: number, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans' },
  });
  return Buffer.from(resvg.render().asPng());
}

export function renderChartPng(option: echarts.EChartsCoreOption, size: ChartSize): Buffer {
  return svgToPng(renderChartSvg(option, size), size.width);
}

export type BarChartInput = {
  title: string;
  categories: string[];
  values: number[];
  /** Horizontal bars read better with many long unit names. */
  horizontal?: boolean;
  valueMax?: number;
  decimals?: number;
};

/** A labelled bar chart (rankings, averages per main index). */
export function barChartPng(input: BarChartInput, size: ChartSize): Buffer {
  const decimals = input.decimals ?? 2;
  const valueAxis = { type: 'value', max: input.valueMax, axisLabel: { fontSize: 11 } };
  const categoryAxis = {
    type: 'category',
    data: input.categories,
    inverse: input.horizontal === true,
    axisLabel: { fontSize: 11, interval: 0, width: input.horizontal ? 160 : 90, overflow: 'truncate' },
  };
  return renderChartPng(
    {
      title: { text: input.title, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: input.horizontal ? 170 : 50, right: 40, top: 40, bottom: input.horizontal ? 30 : 60 },
      xAxis: input.horizontal ? valueAxis : categoryAxis,
      yAxis: input.horizontal ? categoryAxis : valueAxis,
      series: [
        {
          type: 'bar',
          data: input.values.map((v) => Number(v.toFixed(decimals))),
          itemStyle: { color: '#1c64c8' },
          label: { show: true, position: input.horizontal ? 'right' : 'top', fontSize: 10 },
        },
      ],
    },
    size,
  );
}

/** A pie chart of counts (e.g. units per maturity band). */
export function pieChartPng(
  input: { title: string; slices: { name: string; value: number }[] },
  size: ChartSize,
): Buffer {
  return renderChartPng(
    {
      title: { text: input.title, left: 'center', textStyle: { fontSize: 14 } },
      color: ['#c0392b', '#e67e22', '#1c64c8', '#27ae60', '#8e44ad', '#7f8c8d'],
      series: [
        {
          type: 'pie',
          radius: ['26%', '50%'],
          top: 30,
          // Labels stay inside the picture (long status names were cut at its left edge).
          left: '12%',
          right: '12%',
          data: input.slices,
          // Two short lines: long Vietnamese band names would otherwise be cut at the chart's edge.
          label: { formatter: '{b}\n{c} ({d}%)', fontSize: 12, overflow: 'none', lineHeight: 16 },
        },
      ],
    },
    size,
  );
}
