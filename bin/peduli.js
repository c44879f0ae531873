#!/usr/bin/env node
// Entry point of the `peduli` command. Peduli runs its TypeScript sources directly through tsx,
// so a clone works without a separate compile step (see docs/decisions/0002-run-typescript-with-tsx.md).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/index.ts");
