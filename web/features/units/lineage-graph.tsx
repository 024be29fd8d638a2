import { GraphChart, type GraphSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { LineageGraph } from '../../../core/contracts/units.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { type Translate, useI18n } from '../../i18n/i18n-context.js';
import { formatPercent } from '../../lib/format.js';
import { edgeLabel, layoutLineage } from './lineage-layout.js';

// Only the graph series, tooltip and the SVG renderer are bundled (SVG keeps node labels in the DOM
// for screen readers and tests, and lineage graphs are small).
use([GraphChart, TooltipComponent, AriaComponent, SVGRenderer]);

type Option = ComposeOption<GraphSeriesOption | TooltipComponentOption | AriaComponentOption>;

const COLORS = { self: '#1864ab', predecessor: '#868e96', successor: '#2b8a3e' } as const;

function buildOption(graph: LineageGraph, selfName: string, t: Translate, locale: Locale): Option {
  const placed = layoutLineage(graph.nodes, graph.edges);
  const words = { full: t('units.edgeFull'), partial: t('units.edgePartial') };
  return {
    aria: { enabled: true, label: { description: t('units.graphLabel', { name: selfName }) } },
    tooltip: { trigger: 'item', confine: true },
    series: [
      {
        type: 'graph',
        layout: 'none',
        // Coordinates are fitted to this box; the padding keeps the wide node boxes inside the chart.
        left: 105,
        right: 105,
        top: 30,
        bottom: 30,
        roam: true,
        symbol: 'roundRect',
        symbolSize: [190, 38],
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 9,
        label: { show: true, color: '#fff', fontSize: 12, overflow: 'truncate', width: 180 },
        edgeLabel: { show: true, fontSize: 11, color: '#343a40', formatter: '{c}' },
        lineStyle: { color: '#495057', width: 1.5, curveness: 0.08 },
        data: placed.map((n) => ({
          id: String(n.id),
          name: `${n.type} ${n.name}`.trim(),
          x: n.x,
          y: n.y,
          itemStyle: { color: COLORS[n.relation] },
          tooltip: { formatter: `${n.type} ${n.name} (${n.code}) · ${n.structureName}` },
        })),
        links: graph.edges.map((e) => ({
          source: String(e.fromUnitId),
          target: String(e.toUnitId),
          value: edgeLabel(e, words, (s) => formatPercent(s, locale)) as unknown as number,
          lineStyle: e.kind === 'partial' ? { type: 'dashed' } : undefined,
        })),
      },
    ],
  };
}

/** Predecessors (left) → the unit → successors (right), edges labelled full/partial with the share. */
export function LineageGraphChart({ graph, selfName }: { graph: LineageGraph; selfName: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { t, locale } = useI18n();
  const option = useMemo(() => buildOption(graph, selfName, t, locale), [graph, selfName, t, locale]);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} className="lineage-chart" data-testid="lineage-graph" />;
}
