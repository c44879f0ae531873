/**
 * Demo PSKS of the city: the social-welfare resources an area's workers refer people to, so that
 * the PSKS screens and the referral choices are not empty on first start. Per kelurahan a Karang
 * Taruna and (every other one) a WKSBM; per kecamatan an LKS, an LK3 and a business that helps;
 * for the city its Tagana. Names, contacts and telephone numbers are synthetic and deterministic.
 * Seeding again replaces them; a demo organisation that a real referral names is kept (and not
 * added twice).
 */
import { allocateSeq } from "../../db/change-log.ts";
import type { Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { createRandom, workerName } from "../demo/demo-population.ts";
import type { NewPsksOrganisationRow } from "./psks.table.ts";

interface Area {
  code: string;
  name: string;
  kind: string;
}

type Planned = Pick<NewPsksOrganisationRow, "kind_code" | "name" | "region_code" | "address" | "note">;

/** The organisations of the demo, in a fixed order. */
function plan(areas: Area[]): Planned[] {
  const planned: Planned[] = [];
  let kelurahanIndex = 0;
  for (const area of areas) {
    if (area.kind === "kota") {
      planned.push({
        kind_code: "tagana",
        name: `Tagana ${area.name.replace(/^Kota Administrasi /, "")}`,
        region_code: area.code,
        address: "Posko Tagana, Kantor Suku Dinas Sosial",
        note: "Siaga bencana banjir dan kebakaran; dapur umum.",
      });
    } else if (area.kind === "kecamatan") {
      planned.push(
        {
          kind_code: "lks",
          name: `LKS Bina Sejahtera ${area.name}`,
          region_code: area.code,
          address: `Jl. Sejahtera No. ${(area.code.charCodeAt(5) % 9) + 1}, ${area.name}`,
          note: "Pendampingan lansia dan penyandang disabilitas.",
        },
        {
          kind_code: "lk3",
          name: `LK3 Kecamatan ${area.name}`,
          region_code: area.code,
          address: `Kantor Kecamatan ${area.name}`,
          note: "Konsultasi keluarga dan korban kekerasan.",
        },
        {
          kind_code: "dunia_usaha",
          name: `Koperasi Warga ${area.name}`,
          region_code: area.code,
          address: null,
          note: "Pelatihan usaha dan modal kecil bagi keluarga miskin.",
        },
      );
    } else if (area.kind === "kelurahan") {
      planned.push({
        kind_code: "karang_taruna",
        name: `Karang Taruna Kelurahan ${area.name}`,
        region_code: area.code,
        address: `Kantor Kelurahan ${area.name}`,
        note: "Kegiatan anak jalanan dan remaja putus sekolah.",
      });
      if (kelurahanIndex % 2 === 0) {
        planned.push({
          kind_code: "wksbm",
          name: `WKSBM Majelis Taklim ${area.name}`,
          region_code: area.code,
          address: null,
          note: "Kunjungan lansia tanpa pengasuh.",
        });
      }
      kelurahanIndex++;
    }
  }
  return planned;
}

/** Removes the demo organisations that no referral names (those stay, for the referral's sake). */
export async function removeDemoPsks(trx: Db): Promise<void> {
  await trx
    .deleteFrom("psks_organisations")
    .where("is_demo", "=", 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("referrals")
            .select("referrals.id")
            .whereRef("referrals.organisation_id", "=", "psks_organisations.id"),
        ),
      ),
    )
    .execute();
}

/** Registers the demo PSKS of the regions under `cityCode`; returns how many were added. */
export async function seedDemoPsks(trx: Db, options: { cityCode: string; seed: number }): Promise<number> {
  const areas = await trx
    .selectFrom("regions")
    .select(["code", "name", "kind"])
    .where("code", "like", `${options.cityCode}%`)
    .where("kind", "in", ["kota", "kecamatan", "kelurahan"])
    .orderBy("code")
    .execute();
  const kept = new Set(
    (
      await trx
        .selectFrom("psks_organisations")
        .select(["region_code", "name"])
        .where("is_demo", "=", 1)
        .execute()
    ).map((o) => `${o.region_code}|${o.name}`),
  );
  const rnd = createRandom(options.seed + 7);
  const now = nowIso();
  const rows = plan(areas).map((p, i) => ({
    ...p,
    id: newId(),
    contact_name: workerName(rnd),
    phone: `0813${String(20_000_000 + i * 104_729).slice(0, 8)}`,
    is_demo: 1,
    created_at: now,
    updated_at: now,
  }));
  const added = rows.filter((r) => !kept.has(`${r.region_code}|${r.name}`));
  if (added.length === 0) return 0;
  const first = await allocateSeq(trx, added.length);
  await trx
    .insertInto("psks_organisations")
    .values(added.map((r, i) => ({ ...r, seq: first + i })))
    .execute();
  return added.length;
}
