/**
 * PostgreSQL `COPY … FROM STDIN` in text format through pg-copy-streams: one call streams rows
 * into one table on a client the caller holds (and whose transaction the caller owns). Used by
 * bulk paths that write many rows at once (`peduli db copy`), where one INSERT per row or per
 * batch costs several times the server's own parsing.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** `\N`, the text format's NULL. */
export const COPY_NULL = "\\N";

/**
 * One field in COPY text format: backslash, tab, newline and carriage return escaped; `null` and
 * `undefined` as NULL. Other values are written with `String()` (numbers, bigints); the caller
 * converts booleans, dates and binary to the target column's own text form first.
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return COPY_NULL;
  const text = typeof value === "string" ? value : String(value);
  // Most fields need no escape; testing first keeps the common case to one scan.
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) =>
        c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
      )
    : text;
}

/** One row in COPY text format, ending with a newline. */
export function copyLine(fields: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? "" : "\t") + copyField(fields[i]);
  return `${line}\n`;
}

/**
 * Streams `chunks` (whole lines in COPY text format, any number of lines a chunk) into `table`'s
 * `columns` and returns the number of rows the server reports. Runs on `client` as one statement:
 * inside the caller's transaction, a failure leaves no row behind.
 */
export async function copyInto(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<number> {
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const stream = client.query(
    copyFrom(`COPY ${ident(table)} (${columns.map(ident).join(", ")}) FROM STDIN WITH (FORMAT text)`),
  );
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  return stream.rowCount;
}
