/**
 * One echarts chart, loaded lazily (echarts ships only with the dashboard and kinerja pages),
 * with its numbers in a table beside it and downloads: the picture as PNG, the data as CSV.
 */
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { toCsv } from "./csv.ts";

export interface ChartRow {
  label: string;
  values: number[];
}

type EChartsInstance = {
  setOption(o: unknown): void;
  getDataURL(o: unknown): string;
  resize(): void;
  dispose(): void;
};

const COLOURS = ["#0f766e", "#b45309", "#1d4ed8", "#be123c", "#4d7c0f"];

function download(name: string, href: string) {
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.click();
}

/** A bar chart of `rows` (one bar per series value) with a table and PNG/CSV downloads. */
export function ChartCard({
  id,
  title,
  rows,
  series,
  labelHeader,
}: {
  id: string;
  title: string;
  rows: ChartRow[];
  series: string[];
  labelHeader: string;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);

  useEffect(() => {
    let disposed = false;
    let onResize: (() => void) | undefined;
    void import("echarts").then((echarts) => {
      if (disposed || !box.current) return;
      const instance = echarts.init(box.current, null, { renderer: "canvas" }) as unknown as EChartsInstance;
      chart.current = instance;
      const reversed = [...rows].reverse();
      instance.setOption({
        animation: false,
        color: COLOURS,
        grid: { left: 8, right: 24, top: series.length > 1 ? 28 : 8, bottom: 8, containLabel: true },
        legend: series.length > 1 ? { top: 0 } : undefined,
        tooltip: { trigger: "axis" },
        xAxis: { type: "value" },
        yAxis: {
          type: "category",
          data: reversed.map((r) => r.label),
          axisLabel: { width: 130, overflow: "truncate" },
        },
        series: series.map((name, i) => ({ type: "bar", name, data: reversed.map((r) => r.values[i] ?? 0) })),
      });
      onResize = () => instance.resize();
      window.addEventListener("resize", onResize);
    });
    return () => {
      disposed = true;
      if (onResize) window.removeEventListener("resize", onResize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, [rows, series]);

  const height = Math.max(140, rows.length * (series.length > 1 ? 34 : 26) + 40);
  return (
    <section className="card dashboard-chart" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {title}
      </h2>
      <div className="dashboard-chart-body">
        <div
          ref={box}
          className="dashboard-chart-canvas"
          style={{ height }}
          role="img"
          aria-label={title}
          data-chart={id}
        />
        <table className="dashboard-table">
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              {series.map((s) => (
                <th scope="col" key={s}>
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.values.map((v, i) => (
                  <td key={series[i]}>{v.toLocaleString()}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dashboard-chart-actions">
        <button
          type="button"
          onClick={() =>
            chart.current &&
            download(
              `${id}.png`,
              chart.current.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" }),
            )
          }
        >
          {t("dashboards.png")}
        </button>
        <button
          type="button"
          onClick={() => {
            const csv = toCsv(
              [labelHeader, ...series],
              rows.map((r) => [r.label, ...r.values]),
            );
            download(`${id}.csv`, URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" })));
          }}
        >
          {t("dashboards.csv")}
        </button>
      </div>
    </section>
  );
}
