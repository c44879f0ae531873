/**
 * The OpenAPI document as committed in docs/openapi.json: built from the routes on a throw-away
 * in-memory database, serialised stably. A test fails when the committed copy is out of date.
 */
import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { createDb } from "./db/create-db.ts";
import { migrateToLatest } from "./db/migrate.ts";

export async function generateOpenApiDocument(): Promise<string> {
  const handle = await createDb("sqlite::memory:");
  try {
    await migrateToLatest(handle.db);
    const config = loadConfig({ LOG_LEVEL: "silent", PEDULI_WEB_DIR: "./no-web" }, {});
    const app = await buildApp({ config, db: handle.db, dialect: handle.dialect });
    await app.ready();
    const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return text;
  } finally {
    await handle.close();
  }
}
