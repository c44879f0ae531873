import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectDelimiter, readDelimitedFile } from "./delimited-reader.ts";

const dir = mkdtempSync(join(tmpdir(), "peduli-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${fileCount++}.csv`);
  writeFileSync(path, content);
  return path;
}

/** Reads every column of every record. */
async function readAll(path: string, forceParser = false) {
  let header: readonly string[] = [];
  const rows: { cells: (string | undefined)[]; line: number }[] = [];
  const summary = await readDelimitedFile(
    path,
    {
      header(columns) {
        header = columns;
        return columns.map((_, index) => index);
      },
      row(cells, line) {
        rows.push({ cells: [...cells], line });
      },
    },
    { forceParser },
  );
  return { header, rows, summary };
}

describe("detectDelimiter", () => {
  it("picks the most frequent of , ; and tab", () => {
    expect(detectDelimiter("a,b,c")).toBe(",");
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a;b,c;d")).toBe(";");
    expect(detectDelimiter("a\tb")).toBe("\t");
    expect(detectDelimiter("single")).toBe(",");
  });
});

describe("readDelimitedFile", () => {
  it("reads ; files with a BOM, CRLF, empty lines, short rows and no final newline", async () => {
    const path = file(Buffer.from("\ufeffa;b;c\r\n1;x;2\r\n\r\n3;;\r\n4;y\r\n5;z;6", "utf8"));
    for (const force of [false, true]) {
      const { header, rows, summary } = await readAll(path, force);
      expect(header).toEqual(["a", "b", "c"]);
      expect(summary.delimiter).toBe(";");
      expect(rows).toEqual([
        { cells: ["1", "x", "2"], line: 2 },
        { cells: ["3", "", ""], line: 4 },
        { cells: ["4", "y", undefined], line: 5 },
        { cells: ["5", "z", "6"], line: 6 },
      ]);
    }
  });

  it("hands over to csv-parse at the first quoted field that spans lines and keeps line numbers", async () => {
    const path = file(
      'id,name,v\n1,plain,10\n2,"with, comma",20\r\n3,"two\nlines",30\n4,"say ""hi""",40\r\n5,after,50\n',
    );
    const { rows, summary } = await readAll(path);
    expect(summary.parserFromLine).toBe(4);
    expect(rows.map((r) => r.cells)).toEqual([
      ["1", "plain", "10"],
      ["2", "with, comma", "20"],
      ["3", "two\nlines", "30"],
      ["4", 'say "hi"', "40"],
      ["5", "after", "50"],
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5, 6, 7]);
  });

  it("splits lines whose quoted fields close on the line without csv-parse, as csv-parse would", async () => {
    const path = file('id,name,v\n1,"09;24",10\r\n2,"say ""hi""",\n3,"",""\n4,"a,b","c"\n5,plain,7\n');
    const fast = await readAll(path);
    const parsed = await readAll(path, true);
    expect(fast.rows.map((r) => r.cells)).toEqual([
      ["1", "09;24", "10"],
      ["2", 'say "hi"', ""],
      ["3", "", ""],
      ["4", "a,b", "c"],
      ["5", "plain", "7"],
    ]);
    expect(fast.summary.parserFromLine).toBe(null);
    expect(fast.rows).toEqual(parsed.rows);
  });

  it("reads a quoted header without leaving the fast path", async () => {
    const { header, rows, summary } = await readAll(file('"a","b"\n1,2\n'));
    expect(header).toEqual(["a", "b"]);
    expect(rows[0]?.cells).toEqual(["1", "2"]);
    expect(summary.parserFromLine).toBeNull();
  });

  it("fills only the requested columns and survives lines split across 1 MiB chunks", async () => {
    const lines = ["a,b,c,d"];
    for (let i = 0; i < 120_000; i++) lines.push(`${i},é${i},${i * 2},ü`);
    const path = file(`${lines.join("\n")}\n`);
    let sum = 0;
    let count = 0;
    let last = "";
    let skippedFilled = 0;
    await readDelimitedFile(path, {
      header: () => [2, 1],
      row(cells) {
        if (cells[0] !== undefined) skippedFilled++;
        sum += Number(cells[2]);
        last = cells[1] as string;
        count++;
      },
    });
    expect(skippedFilled).toBe(0);
    expect(count).toBe(120_000);
    expect(sum).toBe(119_999 * 120_000);
    expect(last).toBe("é119999");
  });

  it("stops at the first error the handler throws", async () => {
    const path = file("a\n1\n2\n3\n");
    const seen: string[] = [];
    await expect(
      readDelimitedFile(path, {
        header: () => [0],
        row(cells) {
          seen.push(cells[0] as string);
          if (cells[0] === "2") throw new Error("stop");
        },
      }),
    ).rejects.toThrow("stop");
    expect(seen).toEqual(["1", "2"]);
  });
});
