/**
 * The schematic map of the city's kelurahan (data/maps/3171-grid.json): one square per kelurahan,
 * grouped by kecamatan, coloured by a chosen figure, drawn as SVG. Used when no boundary data is
 * available, which is the case for every city the project ships.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import grid from "../../../../data/maps/3171-grid.json";

export interface MapFigure {
  key: string;
  label: string;
  /** Value per kelurahan code. */
  values: Map<string, number>;
}

const CELL = 64;

function colour(share: number): string {
  // From pale to the primary teal.
  const l = 94 - Math.round(share * 60);
  return `hsl(174, 60%, ${l}%)`;
}

export function RegionGridMap({ figures }: { figures: MapFigure[] }) {
  const { t } = useTranslation();
  const [key, setKey] = useState(figures[0]?.key ?? "");
  const figure = figures.find((f) => f.key === key) ?? figures[0];
  if (!figure) return null;
  const max = Math.max(1, ...figure.values.values());
  return (
    <section className="card dashboard-map" aria-labelledby="map-title">
      <h2 className="card-title" id="map-title">
        {t("dashboards.map")}
      </h2>
      <label className="dashboard-map-select">
        {t("dashboards.mapFigure")}{" "}
        <select value={figure.key} onChange={(e) => setKey(e.target.value)}>
          {figures.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <svg
        viewBox={`0 0 ${grid.width * CELL} ${grid.height * CELL}`}
        role="img"
        aria-label={`${t("dashboards.map")}: ${figure.label}`}
      >
        {grid.cells.map((c) => {
          const v = figure.values.get(c.code) ?? 0;
          return (
            <Link key={c.code} to={`/dasbor/${c.code}`}>
              <rect
                x={c.x * CELL + 2}
                y={c.y * CELL + 2}
                width={CELL - 4}
                height={CELL - 4}
                rx={4}
                fill={colour(v / max)}
                stroke="#94a3b8"
              />
              <text x={c.x * CELL + CELL / 2} y={c.y * CELL + 26} textAnchor="middle" fontSize={8.5}>
                {c.name.length > 13 ? `${c.name.slice(0, 12)}…` : c.name}
              </text>
              <text
                x={c.x * CELL + CELL / 2}
                y={c.y * CELL + 42}
                textAnchor="middle"
                fontSize={12}
                fontWeight={700}
              >
                {v.toLocaleString()}
              </text>
              <title>{`${c.name}: ${v.toLocaleString()}`}</title>
            </Link>
          );
        })}
        {grid.kecamatan.map((k) => (
          <rect
            key={k.code}
            x={k.x * CELL}
            y={k.y * CELL}
            width={k.w * CELL}
            height={k.h * CELL}
            fill="none"
            stroke="#0f3d3a"
            strokeWidth={2}
          />
        ))}
      </svg>
      <p className="muted">{t("dashboards.mapNote")}</p>
    </section>
  );
}
