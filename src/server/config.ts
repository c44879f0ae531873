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
  PEDULI_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  PEDULI_MIN_FREE_DISK_MB: z.coerce.number().int().min(0).default(500),
  PEDULI_BACKUP_DIR: z.string().min(1).default("./data/backups"),
  PEDULI_BACKUP_AT: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'must be a time hh:mm (Western Indonesian Time) or "off"')
    .default("02:00"),
  PEDULI_BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
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
  /** Bearer token for /metrics; null: /metrics answers only loopback requests. */
  metricsToken: string | null;
  /** /readyz fails when the upload directory's file system has less free space (MiB). */
  minFreeDiskMb: number;
  /** Where `peduli backup` and the daily backup write. */
  backupDir: string;
  /** The daily backup's time (hh:mm WIB), or null when the server makes none. */
  backupAt: string | null;
  /** How many archives the daily backup keeps in backupDir. */
  backupKeep: number;
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
    metricsToken: e.PEDULI_METRICS_TOKEN ?? null,
    minFreeDiskMb: e.PEDULI_MIN_FREE_DISK_MB,
    backupDir: e.PEDULI_BACKUP_DIR,
    backupAt: e.PEDULI_BACKUP_AT === "off" ? null : e.PEDULI_BACKUP_AT,
    backupKeep: e.PEDULI_BACKUP_KEEP,
  });
}

function pickDefined(source: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== "") out[k] = v;
  return out;
}
