import * as charts from 'echarts/charts';
import * as components from 'echarts/components';
import * as core from 'echarts/core';
import * as renderers from 'echarts/renderers';

import { secondaryMark } from './suppression.js';
import type { Cell, DashboardTable } from './report-tables.js';

/**
 * Bar charts as SVG, drawn on the server with Apache ECharts' SSR renderer:
 * no script in the browser, no animation. The table next to each chart is the
 * accessible truth; the chart repeats it for the eye.
 */

export interface ChartSeries {
  name: string;
  cells: Cell[];
}

export interface ChartSpec {
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Categories on the vertical axis: long labels (formats) stay readable. */
  horizontal?: boolean;
  stacked?: boolean;
  /** A small chart of one series (narrowSpecs): its name as the title, its colour. */
  heading?: string;
  colour?: string;
}

export interface ChartText {
  /** Shows a count on a bar. */
  count(value: number): string;
  /** What a hidden small number reads as: "< 3". */
  hidden: string;
}

// Only what the dashboard draws: bar charts with a grid and a legend, as SVG.
// echarts' type declarations re-export without file extensions, which NodeNext
// module resolution does not follow; the little used here is typed by hand.
interface ServerChart {
  setOption(option: object): void;
  renderToSVGString(): string;
  dispose(): void;
}
interface EChartsCore {
  use(parts: unknown[]): void;
  init(dom: null, theme: null, options: { renderer: 'svg'; ssr: true; width: number; height: number }): ServerChart;
}
const { init, use } = core as unknown as EChartsCore;
const part = (module: object, name: string) => (module as Record<string, unknown>)[name];
use([part(charts, 'BarChart'), part(components, 'GridComponent'), part(components, 'LegendComponent'), part(components, 'TitleComponent'), part(renderers, 'SVGRenderer')]);

// Okabe–Ito colours, told apart with every common colour vision deficiency;
// the vermilion darkened so that white labels inside stacked bars stay legible.
const palette = ['#0072B2', '#B34700', '#009E73', '#CC79A7'];
const ink = '#1b1b1b';
const font = 'Fira Sans, Arial, sans-serif';

/**
 * How a chart is laid out. The wide picture (a desktop) scaled to a 390 px
 * phone would shrink its 12 px labels to about 6 px; the narrow one is drawn
 * at a phone's width instead, with labels that stay ≥ 14 px (issue 10).
 */
interface Layout {
  width: number;
  fontSize: number;
  /** Room for the category labels left of horizontal bars (they break into lines beyond it). */
  labelWidth: number;
  /** Height of one category row per bar in it, and the least a row gets (labels of several lines). */
  bandPerBar: number;
  bandMinimum: number;
}
const wideLayout: Layout = { width: 720, fontSize: 12, labelWidth: 200, bandPerBar: 18, bandMinimum: 0 };
// 340 px: a 390 px phone's text column (KERN's page padding) shows it unscaled
const narrowLayout: Layout = { width: 340, fontSize: 14, labelWidth: 140, bandPerBar: 22, bandMinimum: 48 };

/**
 * A chart as the figure shows it: drawn twice, wide and narrow, each in its
 * wrapper; public/mosaik.css shows the one that fits the screen (the other
 * is display: none, so neither is scaled to a size nobody can read). Both
 * pictures are aria-hidden: the figure's label and the table carry the facts.
 */
export function renderBarChart(spec: ChartSpec, text: ChartText): string {
  const narrow = narrowSpecs(spec).map((item) => drawSvg(item, text, narrowLayout));
  return `<div class="mosaik-chart__wide">${drawSvg(spec, text, wideLayout)}</div><div class="mosaik-chart__narrow">${narrow.join('')}</div>`;
}

/**
 * On a phone every chart re-flows into horizontal bars, one row per category,
 * so that labels have the width of the screen; several series side by side
 * (the formats: four bars a row) become one small chart per series, each with
 * its series' name and colour as title, so each row holds a single bar.
 * Stacked series already are one bar a row.
 */
export function narrowSpecs(spec: ChartSpec): ChartSpec[] {
  if (spec.series.length === 1 || spec.stacked) return [{ ...spec, horizontal: true }];
  return spec.series.map((series, index) => ({ ...spec, horizontal: true, series: [series], heading: series.name, colour: palette[index % palette.length] }));
}

function drawSvg(spec: ChartSpec, text: ChartText, layout: Layout): string {
  const bars = spec.stacked ? 1 : spec.series.length;
  const bandSize = spec.horizontal ? Math.max(layout.bandMinimum, 28 + layout.bandPerBar * bars) : 0;
  const size = layout.fontSize;
  const legend = spec.series.length > 1;
  const top = (legend ? 2.8 * size + 6 : 20) + (spec.heading ? 1.6 * size + 8 : 0);
  const width = layout.width;
  const height = spec.horizontal ? Math.max(layout === wideLayout ? 240 : 0, top + 70 + spec.categories.length * bandSize) : 340;
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const categoryAxis = {
      type: 'category' as const,
      data: spec.categories,
      inverse: spec.horizontal,
      axisLabel: { color: ink, fontSize: size, width: layout.labelWidth, overflow: 'break' as const, lineHeight: Math.round(size * 1.25) },
    };
    const valueAxis = { type: 'value' as const, minInterval: 1, splitNumber: layout === wideLayout ? undefined : 3, axisLabel: { color: ink, fontSize: size, formatter: (value: number) => text.count(value) } };
    chart.setOption({
      animation: false,
      color: spec.colour ? [spec.colour] : palette,
      textStyle: { fontFamily: font, color: ink, fontSize: size },
      title: spec.heading ? { text: spec.heading, left: 0, top: 0, textStyle: { color: ink, fontSize: size + 2, fontWeight: 'bold', fontFamily: font } } : undefined,
      legend: legend ? { top: spec.heading ? 1.6 * size + 8 : 0, left: layout === wideLayout ? 'center' : 0, itemGap: size, textStyle: { color: ink, fontSize: size } } : undefined,
      grid: { left: spec.horizontal ? layout.labelWidth + 10 : 50, right: layout === wideLayout ? 40 : 3 * size, top, bottom: 30, containLabel: false },
      xAxis: spec.horizontal ? valueAxis : categoryAxis,
      yAxis: spec.horizontal ? categoryAxis : valueAxis,
      series: spec.series.map((series) => ({
        type: 'bar',
        name: series.name,
        stack: spec.stacked ? 'total' : undefined,
        label: { show: true, fontSize: size, position: spec.stacked ? 'inside' : spec.horizontal ? 'right' : 'top', color: spec.stacked ? '#ffffff' : ink },
        data: series.cells.map((cell) => barOf(cell, text, spec)),
      })),
    });
    return cspSafeSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** A hidden small number draws no bar, only its "< N" label, in dark ink beside the empty bar. */
function barOf(cell: Cell, text: ChartText, spec: ChartSpec) {
  const value = typeof cell.value === 'number' ? cell.value : 0;
  if (cell.hidden) return { value: 0, label: { formatter: cell.secondary ? secondaryMark : text.hidden, color: ink, position: spec.horizontal ? 'right' : 'top' } };
  return { value, label: { formatter: value === 0 ? '' : text.count(value) } };
}

/**
 * ECharts writes text styles as style="" attributes and hover effects as a
 * <style> element; the page's Content-Security-Policy (style-src 'self')
 * refuses both. Turned into SVG presentation attributes (which are not styles
 * in CSP's sense), and the hover rules dropped, the chart looks the same under
 * the strict policy. ECharts' bookkeeping attributes go too.
 */
export function cspSafeSvg(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_match, declarations: string) =>
      declarations
        .split(';')
        .map((declaration) => declaration.split(':').map((part) => part.trim()))
        .filter(([property, value]) => property && value && /^[a-z-]+$/.test(property))
        .map(([property, value]) => ` ${property}="${value.replace(/"/g, '&quot;')}"`)
        .join(''),
    )
    .replace(/ (ecmeta_[a-z_]+|class)="[^"]*"/g, '')
    .replace(/<svg /, '<svg aria-hidden="true" focusable="false" ');
}

/** The charts of the page, each drawn from the table it stands next to. */
export function chartSpecs(tables: Record<'event_counts' | 'formats' | 'grants', DashboardTable>, labels: { eventCounts: string; formats: string; grants: string }): Record<'event_counts' | 'formats' | 'grants', ChartSpec> {
  const column = (table: DashboardTable, index: number) => table.rows.map((row) => row[index]);
  const categories = (table: DashboardTable) => table.rows.map((row) => String(row[0].value));
  return {
    event_counts: {
      title: labels.eventCounts,
      categories: categories(tables.event_counts),
      series: [{ name: tables.event_counts.columns[1].label, cells: column(tables.event_counts, 1) }],
    },
    formats: {
      title: labels.formats,
      categories: categories(tables.formats),
      horizontal: true,
      series: [1, 2, 3, 4].map((index) => ({ name: tables.formats.columns[index].label, cells: column(tables.formats, index) })),
    },
    grants: {
      title: labels.grants,
      categories: categories(tables.grants),
      stacked: true,
      series: [2, 3].map((index) => ({ name: tables.grants.columns[index].label, cells: column(tables.grants, index) })),
    },
  };
}

/** The chart in words, for the role="img" label: every category with its values. */
export function describeChart(spec: ChartSpec, cellText: (cell: Cell) => string): string {
  const parts = spec.categories.map((category, index) => {
    const values = spec.series.map((series) => (spec.series.length > 1 ? `${series.name} ${cellText(series.cells[index])}` : cellText(series.cells[index])));
    return `${category}: ${values.join(', ')}`;
  });
  return `${spec.title}. ${parts.join('; ')}`;
}
