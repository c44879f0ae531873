/**
 * Streams the rows of a CSV or XLSX file as arrays of strings, the header first, so an import of
 * any size keeps memory flat. The format is detected from the content: an XLSX file is a zip
 * archive and starts with "PK"; anything else is read as CSV (`,` or `;`, sniffed from the first
 * line; UTF-8 with or without BOM).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
// Loaded when an XLSX file is read: it takes a noticeable part of a second to load.
import type ExcelJS from "exceljs";

/** A file on disk or an uploaded body. */
export type TabularSource = { path: string } | { buffer: Buffer };

export type TabularFormat = "csv" | "xlsx";

async function head(source: TabularSource, bytes: number): Promise<Buffer> {
  if ("buffer" in source) return source.buffer.subarray(0, bytes);
  const file = await open(source.path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function stream(source: TabularSource): Readable {
  return "buffer" in source ? Readable.from([source.buffer]) : createReadStream(source.path);
}

/** "xlsx" when the content starts with the zip signature "PK", else "csv". */
export async function detectFormat(source: TabularSource): Promise<TabularFormat> {
  const start = await head(source, 2);
  return start.length === 2 && start[0] === 0x50 && start[1] === 0x4b ? "xlsx" : "csv";
}

/** A row with its number as a spreadsheet shows it (the header is row 1). */
export interface TabularRow {
  row: number;
  cells: string[];
}

/** Yields every non-empty row, header included, with cell text as in the file. */
export async function* readTabular(source: TabularSource): AsyncGenerator<TabularRow> {
  if ((await detectFormat(source)) === "xlsx") yield* readXlsx(source);
  else yield* readCsv(source);
}

async function* readCsv(source: TabularSource): AsyncGenerator<TabularRow> {
  const first = (await head(source, 64 * 1024)).toString("utf8").replace(/^\uFEFF/, "");
  const line = first.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = line.split(";").length > line.split(",").length ? ";" : ",";
  const parser = stream(source).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true }),
  );
  let row = 0;
  for await (const record of parser) yield { row: ++row, cells: record as string[] };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

async function* readXlsx(source: TabularSource): AsyncGenerator<TabularRow> {
  const { default: excel } = await import("exceljs");
  const reader = new excel.stream.xlsx.WorkbookReader(stream(source), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (cells.some((c) => c.trim() !== "")) yield { row: row.number, cells };
    }
    // Only the first worksheet holds the data.
    break;
  }
}
