// Only what the dashboard draws is registered: full echarts is ~577 KB gzipped.
import { BarChart, type BarSeriesOption, PieChart, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TitleComponent,
  type TitleComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, SVGRenderer]);

export * as echarts from 'echarts/core';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | TitleComponentOption
>;

/** Distinct, print-friendly colours that sit with the red-and-gold theme. */
export const CHART_PALETTE = [
  '#c81823',
  '#e39b00',
  '#1c7ed6',
  '#2f9e44',
  '#7048e8',
  '#0c8599',
  '#e8590c',
  '#868e96',
];
