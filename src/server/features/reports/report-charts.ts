/**
 * Charts of the monthly report, drawn by echarts on the server as SVG strings (server-side
 * rendering, no canvas or browser) and embedded in the PDF. The web dashboards draw the same
 * kinds of chart with the same library (docs/decisions/0011-charts-echarts.md).
 */
import * as echarts from "echarts";

const FONT = "Helvetica";
const COLOURS = ["#0f766e", "#b45309", "#1d4ed8", "#be123c", "#4d7c0f", "#7c3aed", "#0e7490", "#a16207"];

/** Renders an echarts option to an SVG string of the given size (points). */
function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption({ animation: false, color: COLOURS, textStyle: { fontFamily: FONT }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** A horizontal bar chart: one bar per label, first on top. (Titles are written by the PDF, beside its table.) */
export function barChart(rows: { label: string; value: number }[], width = 515, height = 260): string {
  const sorted = [...rows].reverse();
  return render(
    {
      grid: { left: 150, right: 40, top: 6, bottom: 20 },
      xAxis: { type: "value", axisLabel: { fontSize: 9 } },
      yAxis: {
        type: "category",
        data: sorted.map((r) => (r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label)),
        axisLabel: { fontSize: 9 },
      },
      series: [
        {
          type: "bar",
          data: sorted.map((r) => r.value),
          label: { show: true, position: "right", fontSize: 9 },
        },
      ],
    },
    width,
    height,
  );
}

/** Grouped vertical bars: one group per category, one bar per series. */
export function groupedBarChart(
  categories: string[],
  series: { name: string; values: number[] }[],
  width = 515,
  height = 240,
): string {
  return render(
    {
      legend: { top: 0, right: 0, textStyle: { fontSize: 9 } },
      grid: { left: 40, right: 10, top: 30, bottom: 50 },
      xAxis: { type: "category", data: categories, axisLabel: { fontSize: 8, rotate: 30, interval: 0 } },
      yAxis: { type: "value", axisLabel: { fontSize: 9 } },
      series: series.map((s) => ({ type: "bar", name: s.name, data: s.values })),
    },
    width,
    height,
  );
}
