/**
 * The only reader of the environment. Every variable is validated here at start-up, documented in
 * .env.sample and README.md, and frozen; a bad value stops the start with a message that names it.
 */
import { existsSync } from "node:fs";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, "must start with sqlite: or postgres://")
    .default("sqlite:./data/peduli.db"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PEDULI_DEMO_PASSWORD: z.string().min(8).default("peduli-demo-2024"),
  PEDULI_UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
  PEDULI_WEB_DIR: z.string().min(1).default("./dist/web"),
  PEDULI_TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  PEDULI_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// address" })
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  nodeEnv: "development" | "production" | "test";
  demoPassword: string;
  uploadDir: string;
  webDir: string;
  trustProxy: boolean;
  /** Public address printed in certificate QR codes and links; null: the request's own address. */
  publicUrl: string | null;
}>;

/** Thrown when the environment is invalid; its message lists every bad variable. */
export class ConfigError extends Error {}

/**
 * Reads `.env` (when present) and the environment. `overrides` win over both (used by the CLI's
 * flags and by tests).
 */
export function loadConfig(
  overrides: Partial<Record<keyof z.input<typeof envSchema>, string>> = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  if (env === process.env && existsSync(".env")) process.loadEnvFile(".env");
  const parsed = envSchema.safeParse({ ...pickDefined(env), ...pickDefined(overrides) });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Konfigurasi tidak valid / invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    demoPassword: e.PEDULI_DEMO_PASSWORD,
    uploadDir: e.PEDULI_UPLOAD_DIR,
    webDir: e.PEDULI_WEB_DIR,
    trustProxy: e.PEDULI_TRUST_PROXY,
    publicUrl: e.PEDULI_PUBLIC_URL ?? null,
  });
}

function pickDefined(source: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== "") out[k] = v;
  return out;
}
