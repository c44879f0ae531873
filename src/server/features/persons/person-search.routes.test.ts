import { beforeAll, expect, it } from "vitest";
import { loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { normalizeName, phoneticKey } from "../../../core/identity/person-name.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { rebuildPersonNameWords, SEARCH_MATCH_CAP } from "./person-search.repository.ts";

const GAMBIR = "3171011001";
const CIDENG = "3171011002";
const PASAR_BARU = "3171021001";

interface Listed {
  items: { id: string; name: string; regionCode: string }[];
  total: number;
  totalIsLowerBound: boolean;
}

describeEachDialect("person search: spelling variants, scope, index kept current, NIK and KK", (ctx) => {
  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
  });

  const as = async (username: string) => {
    const app = await ctx.app();
    const login = await loginAs(app, username);
    return {
      get: (url: string) => app.inject({ method: "GET", url, headers: login.headers }),
      send: (method: "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
        app.inject({ method, url, headers: login.headers, ...(payload === undefined ? {} : { payload }) }),
      search: async (q: string, extra = ""): Promise<Listed> => {
        const res = await app.inject({
          method: "GET",
          url: `/api/v1/persons?q=${encodeURIComponent(q)}${extra}`,
          headers: login.headers,
        });
        expect(res.statusCode).toBe(200);
        return res.json() as Listed;
      },
    };
  };
  const names = (l: Listed) => l.items.map((i) => i.name).sort();

  let nikSeq = 0;
  const person = (regionCode: string, name: string, extra: object = {}) => ({
    nik: `3171011208${String(900000 + ++nikSeq).slice(-6)}`,
    regionCode,
    name,
    sex: "L",
    birthDate: "1990-08-12",
    relation: "lainnya",
    ...extra,
  });

  it("finds spelling variants, word prefixes and (when words match too few) substrings", async () => {
    const sudin = await as("sudin");
    for (const name of [
      "Muhammad Rizki Pratama",
      "Moh. Rizqi",
      "Achmad Fauzi",
      "Fatimah Azzahra",
      "Budi Rizkiawan",
    ]) {
      expect((await sudin.send("POST", "/api/v1/persons", person(GAMBIR, name))).statusCode).toBe(201);
    }
    expect(names(await sudin.search("Muhamad Rizky"))).toEqual(["Moh. Rizqi", "Muhammad Rizki Pratama"]);
    // Every word begins a word of the name: Rizki also begins Rizkiawan.
    expect(names(await sudin.search("Rizqi"))).toEqual([
      "Budi Rizkiawan",
      "Moh. Rizqi",
      "Muhammad Rizki Pratama",
    ]);
    expect(names(await sudin.search("Ahmad"))).toEqual(["Achmad Fauzi"]);
    expect(names(await sudin.search("fatima"))).toEqual(["Fatimah Azzahra"]);
    expect(names(await sudin.search("Fauz"))).toEqual(["Achmad Fauzi"]);
    // No word begins with "auzi": the trigram index finds it inside Fauzi.
    expect(names(await sudin.search("auzi"))).toEqual(["Achmad Fauzi"]);
    // The whole key equal to the query's comes first.
    const ranked = await sudin.search("Muhammad Rizki");
    expect(ranked.items.map((i) => i.name)).toEqual(["Moh. Rizqi", "Muhammad Rizki Pratama"]);
    expect(ranked).toMatchObject({ total: 2, totalIsLowerBound: false });
  });

  it("never shows a PSM another kelurahan's person, through words or substrings", async () => {
    const sudin = await as("sudin");
    for (const [region, name] of [
      [CIDENG, "Muhammad Rizki Cideng"],
      [PASAR_BARU, "Muhammad Rizki Pasar"],
    ] as const) {
      expect((await sudin.send("POST", "/api/v1/persons", person(region, name))).statusCode).toBe(201);
    }
    const psm = await as("psm.gambir");
    const mine = await psm.search("Muhamad Rizky");
    expect(names(mine)).toEqual(["Moh. Rizqi", "Muhammad Rizki Pratama"]);
    expect(mine.total).toBe(2);
    expect((await psm.search("cideng")).total).toBe(0);
    expect((await psm.search("ideng")).total).toBe(0);
    expect((await psm.search("Rizki", `&region=${CIDENG}`)).total).toBe(0);
    const city = await sudin.search("Muhamad Rizky");
    expect(names(city)).toEqual([
      "Moh. Rizqi",
      "Muhammad Rizki Cideng",
      "Muhammad Rizki Pasar",
      "Muhammad Rizki Pratama",
    ]);
    expect(names(await sudin.search("Rizki", `&region=${CIDENG}`))).toEqual(["Muhammad Rizki Cideng"]);
  });

  it("keeps the index current through create, update, move, death, delete and merge", async () => {
    const psm = await as("psm.gambir");
    const sudin = await as("sudin");
    const created = await psm.send("POST", "/api/v1/persons", person(GAMBIR, "Slamet Widodo"));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(names(await psm.search("Widodo"))).toEqual(["Slamet Widodo"]);

    expect((await psm.send("PATCH", `/api/v1/persons/${id}`, { name: "Slamet Riyadi" })).statusCode).toBe(
      200,
    );
    expect((await psm.search("Widodo")).total).toBe(0);
    expect(names(await psm.search("Riyadi"))).toEqual(["Slamet Riyadi"]);

    // Moved to a household of another kelurahan: out of the PSM's search, in the city's.
    const household = await sudin.send("POST", "/api/v1/households", {
      kkNumber: "3171020101209999",
      regionCode: PASAR_BARU,
      rw: "1",
      rt: "2",
      address: "Jl. Pasar Baru 9",
    });
    expect(household.statusCode).toBe(201);
    const moved = await sudin.send("PATCH", `/api/v1/persons/${id}`, { householdId: household.json().id });
    expect(moved.statusCode).toBe(200);
    expect((await psm.search("Riyadi")).total).toBe(0);
    expect((await sudin.search("Riyadi")).items.map((i) => i.regionCode)).toEqual([PASAR_BARU]);

    expect((await sudin.send("PATCH", `/api/v1/persons/${id}`, { diedAt: "2026-11-20" })).statusCode).toBe(
      200,
    );
    expect((await sudin.search("Riyadi")).total).toBe(0);
    expect((await sudin.search("Riyadi", "&includeDead=true")).total).toBe(1);
    expect((await sudin.send("DELETE", `/api/v1/persons/${id}`)).statusCode).toBe(204);
    expect((await sudin.search("Riyadi", "&includeDead=true")).total).toBe(0);

    // Same name and birth date under two NIKs: merged, only the kept record is found.
    const a = await sudin.send("POST", "/api/v1/persons", person(GAMBIR, "Wahyu Kurniawan"));
    const b = await sudin.send("POST", "/api/v1/persons", person(GAMBIR, "WAHYU KURNIAWAN"));
    expect((await sudin.search("Wahyu Kurniawan")).total).toBe(2);
    const queue = await sudin.get("/api/v1/duplicates");
    const pair = (
      queue.json().items as { id: string; person: { id: string }; otherPerson: { id: string } }[]
    ).find((c) => [c.person.id, c.otherPerson.id].includes(b.json().id));
    expect(pair).toBeDefined();
    const merged = await sudin.send("POST", `/api/v1/duplicates/${pair!.id}/merge`, {
      keepPersonId: a.json().id,
    });
    expect(merged.statusCode).toBe(200);
    const after = await sudin.search("Wahyu Kurniawan");
    expect(after.items.map((i) => i.id)).toEqual([a.json().id]);
  });

  it("matches a whole NIK or KK number exactly", async () => {
    const sudin = await as("sudin");
    const household = await sudin.send("POST", "/api/v1/households", {
      kkNumber: "3171010101208888",
      regionCode: GAMBIR,
      rw: "2",
      rt: "4",
      address: "Jl. Gambir 8",
    });
    const householdId = household.json().id as string;
    const head = person(GAMBIR, "Joko Susilo", { householdId, relation: "kepala_keluarga" });
    const wife = person(GAMBIR, "Sri Susilowati", { householdId, relation: "istri", sex: "P" });
    expect((await sudin.send("POST", "/api/v1/persons", head)).statusCode).toBe(201);
    expect((await sudin.send("POST", "/api/v1/persons", wife)).statusCode).toBe(201);
    expect(names(await sudin.search(head.nik))).toEqual(["Joko Susilo"]);
    expect(names(await sudin.search("3171.0101.0120.8888"))).toEqual(["Joko Susilo", "Sri Susilowati"]);
    // A name with the other filters: RW, age, region and PPKS category.
    expect(names(await sudin.search("Susilo", "&rw=2"))).toEqual(["Joko Susilo", "Sri Susilowati"]);
    expect((await sudin.search("Susilo", "&rw=5")).total).toBe(0);
    expect(names(await sudin.search("Joko", "&ageMin=30&ageMax=40"))).toEqual(["Joko Susilo"]);
    expect((await sudin.search("Joko", "&ageMin=41")).total).toBe(0);
    const headId = (await sudin.search(head.nik)).items[0]!.id;
    const classified = await sudin.send("POST", `/api/v1/persons/${headId}/ppks`, {
      categoryCode: "01",
      foundOn: "2026-11-01",
      source: "temuan_lapangan",
      status: "aktif",
    });
    expect(classified.statusCode).toBeLessThan(300);
    expect(names(await sudin.search("Susilo", "&ppks=1"))).toEqual(["Joko Susilo"]);
    expect((await sudin.search("Susilo", "&ppks=2")).total).toBe(0);
    const byParam = await sudin.get(`/api/v1/persons?nik=${wife.nik}`);
    expect(byParam.json().items.map((i: { name: string }) => i.name)).toEqual(["Sri Susilowati"]);
    // A NIK of someone outside the PSM's kelurahan is not found by them.
    await sudin.send("POST", "/api/v1/persons", person(CIDENG, "Tono Cideng"));
    const psm = await as("psm.gambir");
    expect((await psm.search(`3171011208${String(900000 + nikSeq).slice(-6)}`)).total).toBe(0);
  });

  it("counts at most the cap, says so, ranks the exact key first and pages through", async () => {
    const now = nowIso();
    const rows = Array.from({ length: SEARCH_MATCH_CAP + 50 }, (_, i) => {
      const name = i % 100 === 7 ? "Budi" : `Budi Santoso ${String.fromCharCode(97 + (i % 26))}${i}`;
      return {
        id: newId(),
        nik: null,
        nik_status: "belum_ada",
        name,
        name_normalized: normalizeName(name),
        name_phonetic: phoneticKey(name),
        sex: "L",
        relation: "lainnya",
        region_code: i % 2 === 0 ? GAMBIR : CIDENG,
        is_demo: 0,
        seq: 0,
        created_at: now,
        updated_at: now,
      };
    });
    for (let i = 0; i < rows.length; i += 200) {
      await ctx.db
        .insertInto("persons")
        .values(rows.slice(i, i + 200))
        .execute();
    }
    const sudin = await as("sudin");
    const first = await sudin.search("budi", "&limit=20");
    expect(first).toMatchObject({ total: SEARCH_MATCH_CAP, totalIsLowerBound: true });
    expect(first.items.slice(0, 11).map((i) => i.name)).toEqual(Array(11).fill("Budi"));
    const second = await sudin.search("budi", "&limit=20&offset=20");
    expect(second.items).toHaveLength(20);
    expect(second.items.some((i) => first.items.some((f) => f.id === i.id))).toBe(false);
    // In one kelurahan there are fewer than the cap: an exact count.
    const psm = await as("psm.gambir");
    const scoped = await psm.search("budi santoso");
    expect(scoped).toMatchObject({ total: (SEARCH_MATCH_CAP + 50) / 2, totalIsLowerBound: false });
  });

  it.runIf(ctx.dialect === "sqlite")(
    "fills the word index set-based after a load without its trigger (SQLite bulk path)",
    async () => {
      const sqlite = ctx.handle.sqlite!;
      const words = () =>
        sqlite
          .prepare(
            "SELECT word, region_code, person_id, name_phonetic, died, merged FROM person_name_words ORDER BY 1, 2, 3",
          )
          .all();
      const expected = words();
      const trigger = (
        sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'person_name_words_insert'").get() as {
          sql: string;
        }
      ).sql;
      sqlite.exec("BEGIN IMMEDIATE");
      sqlite.exec("DROP TRIGGER person_name_words_insert");
      sqlite.exec("DELETE FROM person_name_words");
      rebuildPersonNameWords(sqlite);
      sqlite.exec(trigger);
      sqlite.exec("COMMIT");
      expect(words()).toEqual(expected);
      expect(expected.length).toBeGreaterThan(SEARCH_MATCH_CAP);

      // Only the new persons, named in a table of ids (a load into a registry that has persons).
      const id = newId();
      const now = nowIso();
      sqlite.exec("BEGIN IMMEDIATE");
      sqlite.exec("DROP TRIGGER person_name_words_insert");
      sqlite
        .prepare(
          `INSERT INTO persons (id, nik_status, name, name_normalized, name_phonetic, sex, relation, region_code,
          is_demo, seq, created_at, updated_at) VALUES (?, 'belum_ada', 'Tjahjo Kumolo', ?, ?, 'L', 'lainnya', ?, 0, 0, ?, ?)`,
        )
        .run(id, normalizeName("Tjahjo Kumolo"), phoneticKey("Tjahjo Kumolo"), GAMBIR, now, now);
      sqlite.exec("CREATE TEMP TABLE loaded (id TEXT NOT NULL)");
      sqlite.prepare("INSERT INTO temp.loaded (id) VALUES (?)").run(id);
      rebuildPersonNameWords(sqlite, "temp.loaded");
      sqlite.exec(trigger);
      sqlite.exec("COMMIT");
      const psm = await as("psm.gambir");
      expect(names(await psm.search("Kumolo"))).toEqual(["Tjahjo Kumolo"]);
    },
  );
});
