/**
 * Reads a person file into validated, packed batches (person-import.check.ts), either on the
 * calling thread or on a worker thread, so that reading, parsing and validating one block runs
 * while the main thread writes the previous one (docs/decisions/0013-threaded-person-import.md).
 *
 * The worker is a TypeScript module like the rest of Peduli; it is loaded through tsx's
 * `tsImport` (the same loader the CLI runs under), which costs about 0.2 s at start, so only
 * large CSV files go to a worker. At most `IN_FLIGHT` batches wait for the writer: the reader
 * cannot run ahead of it by more than a few MB, whatever the file size.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError } from "../../../core/errors/app-error.ts";
import { EmptyFileError, readDelimited } from "../../files/delimited-reader.ts";
import { type CheckContext, type CheckResult, FileCheck, type RowBatch } from "./person-import.check.ts";
import { detectFormat, readTabular, type TabularSource } from "./tabular-reader.ts";

/** Receives each batch; the next one is read meanwhile (worker) or after it resolves (inline). */
export type BatchSink = (batch: RowBatch) => Promise<void> | void;

export interface ReadOptions {
  /** Pack accepted rows for writing (false: a dry run only validates). */
  packing: boolean;
  /** Atomic mode: stop packing at the first rejected row. */
  atomic: boolean;
}

const XLSX_BATCH = 4096;
const IN_FLIGHT = 3;

function emptyFile(): AppError {
  return new AppError("file_invalid", { count: 1 }, [
    {
      field: "baris 1",
      code: "file_empty",
      message: { id: "Berkas kosong: baris judul kolom tidak ada.", en: "The file is empty: no header row." },
    },
  ]);
}

/**
 * Reads the whole file on this thread. CSV goes through the shared delimited reader (a fast
 * splitter for unquoted lines, csv-parse from the first line it cannot split); XLSX through
 * exceljs's streaming reader.
 */
export async function readRows(
  source: TabularSource,
  context: CheckContext,
  options: ReadOptions,
  sink: BatchSink,
): Promise<CheckResult> {
  const check = new FileCheck(context, options.packing, options.atomic);
  // A batch after each block, even without accepted rows, so that progress is reported.
  let reported = 0;
  const flush = async () => {
    if (check.pending === 0 && check.read === reported) return;
    reported = check.read;
    await sink(check.take());
  };
  if ((await detectFormat(source)) === "xlsx") {
    for await (const { row, cells } of readTabular(source)) {
      if (check.columns === null) check.header(cells);
      else {
        check.row(cells, row);
        if (check.pending >= XLSX_BATCH) await flush();
      }
    }
  } else {
    // Row numbers count non-empty records, the header being row 1 (what a spreadsheet shows).
    let row = 1;
    try {
      await readDelimited(
        source,
        { header: (columns) => check.header(columns), row: (cells) => check.row(cells, ++row), flush },
        { delimiters: [",", ";"] },
      );
    } catch (error) {
      if (!(error instanceof EmptyFileError)) throw error;
    }
  }
  await flush();
  if (check.columns === null) throw emptyFile();
  return check.result();
}

/** Messages of the worker protocol. */
export type FromWorker =
  | { type: "batch"; batch: RowBatch }
  | { type: "done"; result: CheckResult }
  | {
      type: "failed";
      appError?: { code: string; params: Record<string, unknown>; problems: unknown[] };
      message: string;
    };
export type ToWorker = { type: "ack" };
export interface WorkerInput {
  source: TabularSource;
  context: CheckContext;
  options: ReadOptions;
}

let loader: string | undefined;
/** tsx's ESM API, which loads a TypeScript module with its own scoped loader. */
function tsxLoader(): string {
  // The "require" condition resolves to the CommonJS build, next to the ESM one.
  loader ??= pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  return loader;
}

/** Reads the file on a worker thread; `sink` runs on this thread, one batch at a time, in order. */
export function readRowsInWorker(
  source: TabularSource,
  context: CheckContext,
  options: ReadOptions,
  sink: BatchSink,
): Promise<CheckResult> {
  const entry = new URL("./person-import.worker.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(tsxLoader())}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  const input: WorkerInput = { source, context, options };
  // A small young generation: the reader's garbage is short-lived, and this keeps the second
  // heap about 40 MB smaller at no measurable cost in time.
  const worker = new Worker(code, {
    eval: true,
    workerData: input,
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  return new Promise<CheckResult>((resolve, reject) => {
    let chain = Promise.resolve();
    let failed = false;
    let finished = false;
    const fail = (error: unknown) => {
      if (failed || finished) return;
      failed = true;
      void worker.terminate();
      reject(error);
    };
    worker.on("message", (message: FromWorker) => {
      if (message.type === "batch") {
        chain = chain
          .then(() => (failed ? undefined : sink(message.batch)))
          .then(() => worker.postMessage({ type: "ack" } satisfies ToWorker), fail);
      } else if (message.type === "done") {
        chain.then(() => {
          if (failed) return;
          // Resolved once the thread has exited, so that its heap is given back before the
          // writer's last phase (the index builds) allocates its own memory.
          finished = true;
          worker.terminate().then(
            () => resolve(message.result),
            () => resolve(message.result),
          );
        }, fail);
      } else {
        const e = message.appError;
        fail(
          e
            ? new AppError(e.code as AppError["code"], e.params, e.problems as AppError["problems"])
            : new Error(message.message),
        );
      }
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) fail(new Error(`The import's reader thread stopped (exit code ${code})`));
    });
  });
}

/** Body of the worker thread (person-import.worker.ts): reads, posting batches with back-pressure. */
export async function runReader(
  input: WorkerInput,
  port: { postMessage(m: FromWorker): void; on(event: "message", f: (m: ToWorker) => void): void },
): Promise<void> {
  let credits = IN_FLIGHT;
  let wake: (() => void) | null = null;
  port.on("message", (m) => {
    if (m.type === "ack") {
      credits++;
      wake?.();
      wake = null;
    }
  });
  // A Buffer arrives as a plain Uint8Array (structured clone); make it a Buffer again, without copying.
  const source: TabularSource =
    "buffer" in input.source
      ? {
          buffer: Buffer.from(
            input.source.buffer.buffer,
            input.source.buffer.byteOffset,
            input.source.buffer.byteLength,
          ),
        }
      : input.source;
  try {
    const result = await readRows(source, input.context, input.options, async (batch) => {
      while (credits === 0) await new Promise<void>((r) => (wake = r));
      credits--;
      port.postMessage({ type: "batch", batch });
    });
    port.postMessage({ type: "done", result });
  } catch (error) {
    port.postMessage({
      type: "failed",
      message: (error as Error).message,
      appError:
        error instanceof AppError
          ? { code: error.code, params: error.params, problems: error.problems }
          : undefined,
    });
  }
}
