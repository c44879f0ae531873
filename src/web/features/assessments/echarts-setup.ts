/**
 * The parts of ECharts the poverty pages use (bar and line charts on SVG), registered once. Only
 * the chart component imports this module, dynamically, so the app shell and the assessment form
 * never download ECharts.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
