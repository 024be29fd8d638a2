import { GraphChart, type GraphSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LineageGraph } from '../../../core/contracts/units.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { type Translate, useI18n } from '../../i18n/i18n-context.js';
import { formatPercent } from '../../lib/format.js';
import { edgeLabel, layoutLineage, type PlacedNode } from './lineage-layout.js';

// Only the graph series, tooltip, aria and the SVG renderer are bundled (SVG keeps node labels in
// the DOM for screen readers and tests, and lineage graphs are small).
use([GraphChart, TooltipComponent, AriaComponent, SVGRenderer]);

type Option = ComposeOption<GraphSeriesOption | TooltipComponentOption | AriaComponentOption>;

const COLORS = { self: '#1864ab', predecessor: '#5c6670', successor: '#1e6f33' } as const;
const NODE_HEIGHT = 36;
const ROW_GAP = 52;
const MARGIN = 12;

type Geometry = { nodes: PlacedNode[]; nodeWidth: number; width: number; height: number };

/**
 * Positions in pixels for the chart's width: the layout box equals the data's extent so ECharts
 * draws at scale 1 (its view would otherwise stretch boxes and labels unevenly).
 */
function geometryFor(graph: LineageGraph, chartWidth: number): Geometry {
  const columns = layoutLineage(graph.nodes, graph.edges, { columnGap: 1, rowGap: 1 });
  const cols = columns.map((n) => n.column);
  const colSpan = Math.max(1, Math.max(...cols) - Math.min(...cols));
  const usable = Math.max(200, chartWidth - 2 * MARGIN);
  const nodeWidth = Math.max(84, Math.min(190, usable / (colSpan + 1) - 16));
  const columnGap = (usable - nodeWidth) / colSpan;
  const nodes = layoutLineage(graph.nodes, graph.edges, { columnGap, rowGap: ROW_GAP });
  const ys = nodes.map((n) => n.y);
  const ySpan = Math.max(...ys) - Math.min(...ys);
  return { nodes, nodeWidth, width: usable - nodeWidth, height: ySpan };
}

function buildOption(
  graph: LineageGraph,
  geo: Geometry,
  selfName: string,
  t: Translate,
  locale: Locale,
): Option {
  const words = { full: t('units.edgeFull'), partial: t('units.edgePartial') };
  const xs = geo.nodes.map((n) => n.x);
  return {
    aria: { enabled: true, label: { description: t('units.graphLabel', { name: selfName }) } },
    tooltip: { trigger: 'item', confine: true },
    // A static diagram: drawn at once, and nothing moves for people who prefer reduced motion.
    animation: false,
    series: [
      {
        type: 'graph',
        layout: 'none',
        // The box is exactly the data's extent (plus a sliver so a single row is not zero-high).
        left: MARGIN + geo.nodeWidth / 2 + (geo.width - (Math.max(...xs) - Math.min(...xs))) / 2,
        top: NODE_HEIGHT / 2 + MARGIN,
        width: Math.max(1, Math.max(...xs) - Math.min(...xs)),
        height: Math.max(1, geo.height),
        symbol: 'roundRect',
        symbolSize: [geo.nodeWidth, NODE_HEIGHT],
        nodeScaleRatio: 0,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        label: { show: true, color: '#fff', fontSize: 12, overflow: 'truncate', width: geo.nodeWidth - 10 },
        edgeLabel: { show: true, fontSize: 11, color: '#343a40', formatter: '{c}' },
        lineStyle: { color: '#6c757d', width: 1.5, curveness: 0.06 },
        data: geo.nodes.map((n) => ({
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
  const [width, setWidth] = useState(0);
  const { t, locale } = useI18n();
  const geo = useMemo(() => (width ? geometryFor(graph, width) : null), [graph, width]);
  const height = geo ? geo.height + NODE_HEIGHT + 2 * MARGIN : 200;
  useEffect(() => {
    if (!ref.current) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (!ref.current || !geo) return;
    const chart = init(ref.current, undefined, { renderer: 'svg', height });
    chart.setOption(buildOption(graph, geo, selfName, t, locale));
    return () => chart.dispose();
  }, [graph, geo, height, selfName, t, locale]);
  return <div ref={ref} className="lineage-chart" style={{ height }} data-testid="lineage-graph" />;
}
