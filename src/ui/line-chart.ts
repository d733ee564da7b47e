import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { escapeXml } from '../open-data/index.ts';

/**
 * A small SVG line chart drawn on the server (d3-scale for the axes, d3-shape for the line): values
 * over time, with optional dashed reference levels (a baseline, a target). Pages give the same
 * numbers as a table, so the chart is one labelled image to a screen reader.
 */

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { top: 24, right: 24, bottom: 36, left: 64 };

export interface ChartPoint {
  /** YYYY-MM-DD. */
  on: string;
  value: number;
}

export interface ChartLevel {
  value: number;
  label: string;
  colour: string;
}

export interface LineChartSpec {
  id: string;
  title: string;
  description: string;
  points: readonly ChartPoint[];
  levels?: readonly ChartLevel[];
  formatNumber(value: number): string;
  formatDate(on: string): string;
}

const dayOf = (on: string): Date => new Date(`${on}T00:00:00Z`);

export function lineChartSvg(spec: LineChartSpec): string {
  const levels = spec.levels ?? [];
  const values = [...levels.map((level) => level.value), ...spec.points.map((point) => point.value)];
  const low = Math.min(0, ...values);
  const high = Math.max(low, ...values);
  const y = scaleLinear().domain([low, high === low ? low + 1 : high]).nice().range([HEIGHT - PAD.bottom, PAD.top]);
  const days = spec.points.map((point) => dayOf(point.on));
  const first = days[0] ?? new Date();
  const last = days[days.length - 1] ?? first;
  const x = scaleUtc().domain(first.getTime() === last.getTime() ? [new Date(first.getTime() - 86_400_000), new Date(last.getTime() + 86_400_000)] : [first, last]).range([PAD.left, WIDTH - PAD.right]);
  const path = line<ChartPoint>().x((point) => x(dayOf(point.on))).y((point) => y(point.value))(spec.points) ?? '';
  const ticks = y.ticks(4);
  const level = ({ value, label, colour }: ChartLevel) =>
    `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(value)}" y2="${y(value)}" stroke="${colour}" stroke-width="2" stroke-dasharray="6 4"/>` +
    `<text x="${WIDTH - PAD.right}" y="${y(value) - 6}" text-anchor="end" font-size="13" fill="${colour}">${escapeXml(label)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" font-family="system-ui, sans-serif">`,
    `<title id="${spec.id}-title">${escapeXml(spec.title)}</title>`,
    `<desc id="${spec.id}-desc">${escapeXml(spec.description)}</desc>`,
    ...ticks.map((tick) => `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e1e1e1"/><text x="${PAD.left - 8}" y="${y(tick) + 4}" text-anchor="end" font-size="12" fill="#505a5f">${escapeXml(spec.formatNumber(tick))}</text>`),
    ...levels.map(level),
    path ? `<path d="${path}" fill="none" stroke="#00636b" stroke-width="3"/>` : '',
    ...spec.points.map((point) => `<circle cx="${x(dayOf(point.on))}" cy="${y(point.value)}" r="5" fill="#00636b"/>`),
    days.length > 0 ? `<text x="${PAD.left}" y="${HEIGHT - 10}" font-size="12" fill="#505a5f">${escapeXml(spec.formatDate(spec.points[0]?.on ?? ''))}</text>` : '',
    days.length > 1 ? `<text x="${WIDTH - PAD.right}" y="${HEIGHT - 10}" text-anchor="end" font-size="12" fill="#505a5f">${escapeXml(spec.formatDate(spec.points[spec.points.length - 1]?.on ?? ''))}</text>` : '',
    '</svg>',
  ].join('');
}
