import { readFileSync } from "node:fs";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { generateOpenApiDocument } from "../../src/server/openapi-document.ts";

describe("OpenAPI document", () => {
  it("validates as OpenAPI 3 with a real validator", async () => {
    const doc = JSON.parse(await generateOpenApiDocument());
    expect(doc.openapi).toMatch(/^3\./);
    const result = await validate(doc);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("declares a schema for every operation's responses", async () => {
    const doc = JSON.parse(await generateOpenApiDocument());
    for (const [path, item] of Object.entries<Record<string, { responses?: Record<string, unknown> }>>(
      doc.paths,
    )) {
      for (const [method, op] of Object.entries(item)) {
        expect(Object.keys(op.responses ?? {}), `${method.toUpperCase()} ${path}`).not.toHaveLength(0);
      }
    }
  });

  it("matches the committed docs/openapi.json (run `npm run openapi` after changing routes)", async () => {
    const committed = readFileSync(new URL("../../docs/openapi.json", import.meta.url), "utf8");
    expect(committed).toBe(await generateOpenApiDocument());
  });
});
