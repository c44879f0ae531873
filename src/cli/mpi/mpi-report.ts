/**
 * How `peduli mpi` prints a result: a JSON object with a fixed set of fields (for scripts and the
 * benchmark), or a text table with Indonesian labels (for people).
 */
import type { MpiResult } from "../../core/mpi/mpi-result.ts";

/** The `--format json` object: exactly the documented fields, in this order. */
export function mpiJson(result: MpiResult, grouped: boolean): Record<string, unknown> {
  const json: Record<string, unknown> = {
    n: result.n,
    excluded: result.excluded,
    k: result.k,
    poor: result.poor,
    H: result.H,
    A: result.A,
    M0: result.M0,
    M1: result.M1,
    M2: result.M2,
    indicators: result.indicators.map((x) => ({
      id: x.id,
      dimension: x.dimension,
      weight: x.weight,
      uncensoredHeadcount: x.uncensoredHeadcount,
      censoredHeadcount: x.censoredHeadcount,
      contribution: x.contribution,
    })),
  };
  if (grouped) {
    json.groups = result.groups.map((g) => ({
      group: g.group,
      n: g.n,
      populationShare: g.populationShare,
      H: g.H,
      A: g.A,
      M0: g.M0,
      contribution: g.contribution,
    }));
  }
  return json;
}

const integer = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });
const decimal = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 4, maximumFractionDigits: 4 });
const percent = new Intl.NumberFormat("id-ID", {
  style: "percent",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

function num(value: number | null): string {
  return value === null ? "–" : decimal.format(value);
}

function pct(value: number | null): string {
  return value === null ? "–" : percent.format(value);
}

/** A plain-text table: the first `textColumns` columns left-aligned, the figures right-aligned. */
function table(head: readonly string[], rows: readonly (readonly string[])[], textColumns = 1): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c < textColumns ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export interface MpiTableContext {
  readonly dataPath: string;
  readonly groupBy?: string;
  readonly weightColumn?: string;
}

/** The default output: a summary block, the indicators and, when grouped, the groups. */
export function mpiTable(result: MpiResult, context: MpiTableContext): string {
  const persons = context.weightColumn ? ` (berbobot: kolom ${context.weightColumn})` : "";
  const summary = [
    "Indeks Kemiskinan Multidimensi — metode Alkire–Foster",
    `Berkas data                     : ${context.dataPath}`,
    `Batas kemiskinan k              : ${num(result.k)}`,
    `Jumlah unit dihitung (n)        : ${integer.format(result.n)}${persons}`,
    `Baris dikecualikan (data kosong): ${integer.format(result.excluded)}`,
    `Jumlah unit miskin (q)          : ${integer.format(result.poor)}`,
    `H  rasio kemiskinan (headcount) : ${pct(result.H)}`,
    `A  intensitas rata-rata         : ${pct(result.A)}`,
    `M0 indeks (H × A)               : ${num(result.M0)}`,
    `M1 kesenjangan disesuaikan      : ${result.M1 === null ? "– (hanya bila semua indikator kardinal lt)" : num(result.M1)}`,
    `M2 kesenjangan kuadrat          : ${result.M2 === null ? "– (hanya bila semua indikator kardinal lt)" : num(result.M2)}`,
  ].join("\n");

  const indicators = table(
    ["Indikator", "Dimensi", "Bobot", "Tak tersensor", "Tersensor", "Kontribusi"],
    result.indicators.map((x) => [
      x.id,
      x.dimension,
      num(x.weight),
      pct(x.uncensoredHeadcount),
      pct(x.censoredHeadcount),
      pct(x.contribution),
    ]),
    2,
  );
  const dimensions = table(
    ["Dimensi", "Bobot", "Kontribusi"],
    result.dimensions.map((x) => [x.dimension, num(x.weight), pct(x.contribution)]),
  );
  const parts = [summary, indicators, dimensions];
  if (context.groupBy !== undefined) {
    parts.push(
      `Menurut kelompok: ${context.groupBy}\n${table(
        ["Kelompok", "n", "Dikecualikan", "Porsi penduduk", "H", "A", "M0", "Kontribusi"],
        result.groups.map((g) => [
          g.group === "" ? "(kosong)" : g.group,
          integer.format(g.n),
          integer.format(g.excluded),
          pct(g.populationShare),
          pct(g.H),
          pct(g.A),
          num(g.M0),
          pct(g.contribution),
        ]),
      )}`,
    );
  }
  parts.push(
    "Tak tersensor: persentase penduduk yang terdeprivasi; tersensor: yang miskin dan terdeprivasi;\n" +
      "kontribusi: bagian dari M0. Gunakan --format json untuk angka lengkap.",
  );
  return `${parts.join("\n\n")}\n`;
}
