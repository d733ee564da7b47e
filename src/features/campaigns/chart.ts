import { lineChartSvg, type ChartPoint } from '../../ui/line-chart.ts';

/**
 * An indicator's progress: the recorded values over time against the baseline and the target,
 * drawn as dashed lines (the shared server-side line chart).
 */

export type { ChartPoint };

export interface ChartSpec {
  id: string;
  title: string;
  description: string;
  baseline: number;
  target: number;
  points: readonly ChartPoint[];
  labels: { baseline: string; target: string };
  formatNumber(value: number): string;
  formatDate(on: string): string;
}

export function indicatorChartSvg(spec: ChartSpec): string {
  return lineChartSvg({
    ...spec,
    levels: [
      { value: spec.baseline, label: spec.labels.baseline, colour: '#505a5f' },
      { value: spec.target, label: spec.labels.target, colour: '#00703c' },
    ],
  });
}
