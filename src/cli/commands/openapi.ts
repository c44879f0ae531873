import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { generateOpenApiDocument } from "../../server/openapi-document.ts";

export function registerOpenApiCommand(program: Command): void {
  program
    .command("openapi")
    .description("Menulis dokumen OpenAPI / write the OpenAPI document")
    .option("--out <file>", "berkas tujuan (default: stdout) / output file")
    .action(async (opts: { out?: string }) => {
      const text = await generateOpenApiDocument();
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });
}
