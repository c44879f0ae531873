/** A chart drawn by ECharts, loaded on first use; resizes with its box. */

import type { EChartsCoreOption } from "echarts/core";
import { useEffect, useRef } from "react";

export function PovertyChart({ option, label }: { option: EChartsCoreOption; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: EChartsCoreOption): void; resize(): void; dispose(): void } | null = null;
    const observer = new ResizeObserver(() => chart?.resize());
    void import("./echarts-setup.ts").then(({ echarts }) => {
      if (disposed || !box.current) return;
      chart = echarts.init(box.current, undefined, { renderer: "svg" });
      chart.setOption(option);
      observer.observe(box.current);
    });
    return () => {
      disposed = true;
      observer.disconnect();
      chart?.dispose();
    };
  }, [option]);
  return <div ref={box} className="poverty-chart" role="img" aria-label={label} />;
}
