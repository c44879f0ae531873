/**
 * The household list's order (kelurahan, RW, RT, street address, id) as one index, replacing the
 * index on (region_code, rw, rt) that it extends. With the whole order in the index a page is read
 * in order and far pages no longer sort the tail of every RT: at 300,000 households the page at
 * offset 100,000 took about 1.4 s and now takes about 6 ms (docs/benchmarks.md). Frozen once
 * landed.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("households_region_idx").execute();
  await db.schema
    .createIndex("households_list_idx")
    .on("households")
    .columns(["region_code", "rw", "rt", "address", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("households_list_idx").execute();
  await db.schema
    .createIndex("households_region_idx")
    .on("households")
    .columns(["region_code", "rw", "rt"])
    .execute();
}
