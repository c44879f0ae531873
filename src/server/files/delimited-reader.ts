/**
 * Streams a delimited text file (CSV with `,`, `;` or tab) record by record with flat memory.
 *
 * Two paths, chosen as the file is read:
 * - fast path: while no `"` has been seen, lines and fields are cut with `indexOf` (native, much
 *   faster than a character loop in JavaScript) and only the columns the caller needs are sliced
 *   out, into one reused array. Measured on the 1,000,000-row benchmark file this is several
 *   times faster than csv-parse, which builds every field of every record (see
 *   docs/decisions/0010-mpi-engine-columnar.md and docs/benchmarks.md);
 * - csv-parse: from the first line holding a quote to the end of the file, so quoted fields
 *   (delimiters or line breaks inside quotes, doubled quotes) are read by the real parser.
 *
 * A UTF-8 byte order mark is dropped; the delimiter is the most frequent of `,`, `;` and tab (or
 * the caller's candidates) in the header line (the first candidate on a tie); CRLF and LF both end
 * lines; empty lines are skipped; a short record leaves its missing cells `undefined`.
 *
 * Shared by the MPI command (src/cli/mpi) and the person import (src/server/features/imports).
 */
import { isAscii } from "node:buffer";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";

export interface DelimitedHandler {
  /** Receives the header; returns the indexes of the columns `row` will read. */
  header(columns: readonly string[], delimiter: string): readonly number[];
  /**
   * One record. `cells` is reused between calls (copy what you keep); only the requested columns
   * are filled: the field's text, `""` when empty, `undefined` past the end of a short record.
   * `line` is the file's line number (1-based; the header is line 1, or more after empty lines;
   * for a record spanning lines, the line where it ends).
   */
  row(cells: readonly (string | undefined)[], line: number): void;
  /**
   * Called (and awaited) after each block of records, about 1 MB of text, and once at the end: a
   * handler that writes asynchronously queues records in `row` and writes them here, so the
   * reader's inner loop stays synchronous and memory stays bounded by one block.
   */
  flush?(): Promise<void> | void;
}

/** A file on disk or bytes in memory (an uploaded body). */
export type DelimitedSource = { readonly path: string } | { readonly buffer: Buffer };

export interface DelimitedOptions {
  /** Read everything with csv-parse (tests of the fallback). */
  readonly forceParser?: boolean;
  /** Candidate delimiters, the first winning ties (default `,`, `;`, tab). */
  readonly delimiters?: readonly string[];
}

export interface DelimitedSummary {
  readonly delimiter: string;
  readonly records: number;
  /** Line at which csv-parse took over, or `null` when the fast path read the whole file. */
  readonly parserFromLine: number | null;
}

const QUOTE = '"';
const DELIMITERS = [",", ";", "\t"] as const;
const BLOCK = 1 << 20;

/** The most frequent candidate delimiter in a header line. */
export function detectDelimiter(headerLine: string, candidates: readonly string[] = DELIMITERS): string {
  let best = candidates[0] ?? ",";
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = headerLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function parseHeader(line: string, delimiter: string): string[] {
  const fields = line.includes(QUOTE)
    ? ((parseSync(line, { delimiter, relax_quotes: true }) as string[][])[0] ?? [])
    : line.split(delimiter);
  return fields.map((field) => field.trim());
}

/** Reads `path`, calling the handler for the header and each record. Throws what the handler throws. */
export function readDelimitedFile(
  path: string,
  handler: DelimitedHandler,
  options: DelimitedOptions = {},
): Promise<DelimitedSummary> {
  return readDelimited({ path }, handler, options);
}

function* blocks(buffer: Buffer): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += BLOCK) yield buffer.subarray(at, at + BLOCK);
}

/** Reads a file or a buffer, calling the handler for the header and each record. */
export async function readDelimited(
  source: DelimitedSource,
  handler: DelimitedHandler,
  options: DelimitedOptions = {},
): Promise<DelimitedSummary> {
  const path = "path" in source ? source.path : "(upload)";
  const stream =
    "path" in source
      ? createReadStream(source.path, { highWaterMark: BLOCK })
      : Readable.from(blocks(source.buffer));
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let line = 0;
  let records = 0;
  let first = true;
  let delimiter = ",";
  let needed = new Uint8Array(0);
  let last = -1;
  let width = 0;
  const cells: (string | undefined)[] = [];
  let headerSeen = false;

  const takeHeader = (text: string) => {
    delimiter = detectDelimiter(text, options.delimiters);
    const columns = parseHeader(text, delimiter);
    needed = new Uint8Array(columns.length);
    for (const index of handler.header(columns, delimiter)) {
      needed[index] = 1;
      if (index > last) last = index;
    }
    width = last + 1;
    cells.length = width;
    cells.fill(undefined);
    headerSeen = true;
  };

  // Fills `cells` from text[start, end), one line without its terminator.
  const split = (text: string, start: number, end: number) => {
    let from = start;
    let column = 0;
    while (column <= last) {
      let to = text.indexOf(delimiter, from);
      if (to === -1 || to > end) to = end;
      if (needed[column] === 1) cells[column] = text.slice(from, to);
      column++;
      if (to === end) break;
      from = to + 1;
    }
    for (; column <= last; column++) cells[column] = undefined;
  };

  // Fills `cells` from a line holding quotes, RFC 4180 style: a field that starts with a quote ends
  // at the next lone quote, which must be followed by the delimiter or the end of the line, and ""
  // inside it is one quote. Returns false, leaving the line to csv-parse, for any other use of quotes.
  const splitQuoted = (text: string, start: number, end: number): boolean => {
    let at = start;
    let column = 0;
    for (;;) {
      let value: string;
      if (text.charCodeAt(at) === 34 && at < end) {
        value = "";
        let from = at + 1;
        for (;;) {
          const q = text.indexOf(QUOTE, from);
          if (q === -1 || q >= end) return false;
          if (q + 1 < end && text.charCodeAt(q + 1) === 34) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          at = q + 1;
          break;
        }
        if (at < end && !text.startsWith(delimiter, at)) return false;
      } else {
        let to = text.indexOf(delimiter, at);
        if (to === -1 || to > end) to = end;
        value = text.slice(at, to);
        if (value.includes(QUOTE)) return false;
        at = to;
      }
      if (column <= last && needed[column] === 1) cells[column] = value;
      column++;
      if (at >= end) break;
      at += delimiter.length;
    }
    for (; column <= last; column++) cells[column] = undefined;
    return true;
  };

  const quoteFrom = (text: string, from: number) =>
    options.forceParser ? (headerSeen ? from : -1) : text.indexOf(QUOTE, from);

  // Handles the complete lines of `text` from `pos` (and a last line without terminator when
  // `final`); keeps the incomplete tail in `pending`. Returns where csv-parse must take over, or -1.
  const lines = (text: string, start: number, final: boolean): number => {
    let pos = start;
    let quoteAt = quoteFrom(text, start);
    for (;;) {
      let next = text.indexOf("\n", pos);
      if (next === -1) {
        if (!final || pos >= text.length) break;
        next = text.length;
      }
      let end = next;
      if (end > pos && text.charCodeAt(end - 1) === 13) end--;
      const quoted = quoteAt !== -1 && quoteAt < next && headerSeen;
      if (quoted) {
        // A line whose quoted fields all close on it is split here; anything else (a field running
        // over a line break, a stray quote) goes to csv-parse, which reads or rejects it.
        if (options.forceParser || !splitQuoted(text, pos, end)) return pos;
        line++;
        records++;
        handler.row(cells, line);
        quoteAt = quoteFrom(text, next + 1);
      } else if (end > pos) {
        line++;
        if (!headerSeen) {
          takeHeader(text.slice(pos, end));
          quoteAt = quoteFrom(text, next + 1);
        } else {
          split(text, pos, end);
          records++;
          handler.row(cells, line);
        }
      } else line++;
      pos = next + 1;
    }
    pending = pos >= text.length ? "" : text.slice(pos);
    return -1;
  };

  const handOverFrom = async (rest: string): Promise<DelimitedSummary> => {
    const from = line + 1;
    records += await parseRest(rest, chunks, decoder, delimiter, width, line, handler);
    return { delimiter, records, parserFromLine: from };
  };

  try {
    for (;;) {
      const next = await chunks.next();
      const final = next.done === true;
      // Chunks are scanned as the flat strings the decoder returns (character access on a
      // concatenated or sliced string is slower in V8); only the line that straddles two chunks is
      // glued together.
      const text = final ? decoder.end() : decode(decoder, next.value);
      let start = 0;
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) start = 1;
        first = false;
      }
      if (pending.length > 0) {
        const newline = text.indexOf("\n", start);
        if (newline === -1 && !final) {
          pending += text.slice(start);
          continue;
        }
        const cut = newline === -1 ? text.length : newline + 1;
        const joined = pending + text.slice(start, cut);
        pending = "";
        const handOver = lines(joined, 0, final && cut === text.length);
        if (handOver >= 0) {
          await handler.flush?.();
          return await handOverFrom(joined.slice(handOver) + text.slice(cut));
        }
        start = cut;
      }
      const handOver = lines(text, start, final);
      await handler.flush?.();
      if (handOver >= 0) return await handOverFrom(text.slice(handOver));
      if (final) break;
    }
  } finally {
    stream.destroy();
  }
  if (!headerSeen) throw new EmptyFileError(path);
  return { delimiter, records, parserFromLine: null };
}

/**
 * UTF-8 decoding of a chunk. A pure-ASCII chunk (the usual case) is copied byte for byte, which is
 * cheaper than UTF-8 decoding; the decoder is flushed first, which yields "" unless the previous
 * chunk ended in the middle of a character (then it yields the replacement character, as it would).
 */
function decode(decoder: StringDecoder, chunk: Buffer): string {
  if (!isAscii(chunk)) return decoder.write(chunk);
  const flushed = decoder.end();
  const text = chunk.toString("latin1");
  return flushed.length === 0 ? text : flushed + text;
}

/** The file has no header line. */
export class EmptyFileError extends Error {
  constructor(readonly path: string) {
    super(`Empty file: ${path}`);
    this.name = "EmptyFileError";
  }
}

async function parseRest(
  head: string,
  chunks: AsyncIterator<Buffer>,
  decoder: StringDecoder,
  delimiter: string,
  width: number,
  linesBefore: number,
  handler: DelimitedHandler,
): Promise<number> {
  async function* source(): AsyncGenerator<string> {
    yield head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      yield decoder.write(next.value);
    }
    const tail = decoder.end();
    if (tail) yield tail;
  }
  const parser = Readable.from(source()).pipe(
    parse({
      delimiter,
      record_delimiter: ["\r\n", "\n"],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  let records = 0;
  const cells: (string | undefined)[] = new Array(width);
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    for (let i = 0; i < width; i++) cells[i] = item.record[i];
    records++;
    handler.row(cells, linesBefore + item.info.lines);
    if (handler.flush && records % 4096 === 0) await handler.flush();
  }
  await handler.flush?.();
  return records;
}
