/**
 * Demo cases for `peduli seed --demo`: a few hundred cases across the demo kelurahan in every
 * stage, about demo persons, households and areas, with their timelines, assignment, visits,
 * referrals and follow-up tasks — some of them overdue. The same seed gives the same cases, dated
 * back from the moment of seeding. Demo cases carry is_demo = 1 and are replaced on every seed.
 */
import { OPEN_STAGES, type Stage, type Urgency } from "../../../core/cases/case-enums.ts";
import { addDays, firstVisitDue, jakartaDate, referralCheckDue } from "../../../core/cases/task-rules.ts";
import { allocateSeq } from "../../db/change-log.ts";
import type { Db } from "../../db/database.ts";
import { newId } from "../../db/ids.ts";
import { createRandom } from "../demo/demo-population.ts";
import { shippedServices } from "../services/services.catalogue.ts";
import { caseCategories } from "./case-categories.ts";
import type { CaseTables } from "./cases.table.ts";

type Row<T extends keyof CaseTables> = { [K in keyof CaseTables[T]]: CaseTables[T][K] };

export interface DemoCasesOptions {
  seed: number;
  /** Cases per kelurahan on average. */
  perKelurahan?: number;
  now?: Date;
}

/** Removes the demo cases (their timelines, visits, referrals and tasks go with them). */
export async function removeDemoCases(trx: Db): Promise<void> {
  await trx.deleteFrom("cases").where("is_demo", "=", 1).execute();
}

const SOURCES = ["temuan_lapangan", "laporan_warga", "rujukan_instansi", "pengaduan_hotline"] as const;
const REASONS = ["tertangani", "dirujuk_tuntas", "pindah_domisili", "menolak_layanan"] as const;
const MET = ["Yang bersangkutan", "Istri/suami", "Anak", "Ketua RT", "Tetangga", "Kader posyandu"];
const NOTES = [
  "Kondisi rumah sempit dan lembap; kebutuhan makan harian belum tercukupi.",
  "Sudah didata ulang; dokumen KK dan KTP difoto untuk pengajuan.",
  "Keluarga bersedia mengikuti rencana; perlu pendampingan lanjutan.",
  "Tidak ada di rumah saat kunjungan; informasi dari tetangga.",
];

/** Inserts the demo cases; returns how many. Call inside the seed's transaction, after the population. */
export async function seedDemoCases(trx: Db, options: DemoCasesOptions): Promise<number> {
  await removeDemoCases(trx);
  const rnd = createRandom(options.seed + 77);
  const now = (options.now ?? new Date()).toISOString();
  const workers = await trx
    .selectFrom("workers")
    .select(["id", "region_code"])
    .where("is_demo", "=", 1)
    .where("role", "=", "psm")
    .orderBy("region_code")
    .execute();
  const persons = await trx
    .selectFrom("persons")
    .select(["id", "household_id", "region_code", "name"])
    .where("is_demo", "=", 1)
    .orderBy("id")
    .execute();
  if (persons.length === 0 || workers.length === 0) return 0;
  const byRegion = new Map<string, typeof persons>();
  for (const p of persons) byRegion.set(p.region_code, [...(byRegion.get(p.region_code) ?? []), p]);
  const ppks = caseCategories().filter((c) => c.kind === "ppks");
  const area = caseCategories().filter((c) => c.kind === "area");
  const services = shippedServices();
  // The demo PSKS of each kelurahan and of its kecamatan: about a third of the referrals go to
  // one of them (drawn from a generator of their own, so the rest of the demo stays as it was).
  const organisations = await trx
    .selectFrom("psks_organisations")
    .select(["id", "name", "region_code"])
    .where("is_demo", "=", 1)
    .orderBy("name")
    .execute();
  const localPsks = (kelurahan: string) =>
    organisations.filter((o) => o.region_code === kelurahan || o.region_code === kelurahan.slice(0, 6));
  const psksRnd = createRandom(options.seed + 78);
  const counter = await trx
    .selectFrom("case_counters")
    .select("value")
    .where("year", "=", Number(now.slice(0, 4)))
    .executeTakeFirst();
  let number = counter?.value ?? 0;

  const rows = {
    cases: [] as Row<"cases">[],
    events: [] as Row<"case_events">[],
    assignments: [] as Row<"case_assignments">[],
    visits: [] as Row<"visits">[],
    referrals: [] as Row<"referrals">[],
    tasks: [] as Row<"case_tasks">[],
  };
  const perKelurahan = options.perKelurahan ?? 7;
  for (const worker of workers) {
    const residents = byRegion.get(worker.region_code) ?? [];
    const count = perKelurahan - 2 + rnd.int(0, 4);
    for (let i = 0; i < count; i++) {
      const id = newId();
      const roll = rnd.next();
      const subjectType =
        residents.length === 0 || roll > 0.85 ? "area" : roll > 0.6 ? "household" : "person";
      const person = subjectType === "area" ? null : rnd.pick(residents);
      const urgency: Urgency = rnd.chance(0.12) ? "darurat" : rnd.chance(0.35) ? "tinggi" : "biasa";
      const ageDays = rnd.int(0, 150);
      const reportedAt = addDays(now, -ageDays - rnd.next());
      // Older cases have moved further; a few stay untouched long enough to be overdue.
      const stageIndex = Math.min(5, Math.floor((ageDays / 150) * 6 + rnd.next() * 2));
      const stage: Stage = stageIndex === 5 ? "selesai" : (OPEN_STAGES[stageIndex] as Stage);
      const visited = stageIndex > 0 || rnd.chance(0.4);
      const firstVisitAt = visited
        ? addDays(reportedAt, rnd.next() * (urgency === "darurat" ? 1.5 : 6))
        : null;
      const seq = await allocateSeq(trx, 12);
      const at = (days: number) => addDays(reportedAt, days);
      number += 1;
      const closedAt = stage === "selesai" ? addDays(now, -rnd.next() * Math.max(1, ageDays / 4)) : null;
      rows.cases.push({
        id,
        case_number: `KS-${now.slice(0, 4)}-${String(number).padStart(6, "0")}`,
        subject_type: subjectType,
        person_id: subjectType === "person" ? (person?.id ?? null) : null,
        household_id: subjectType === "area" ? null : (person?.household_id ?? null),
        region_code: worker.region_code,
        rw: subjectType === "area" ? String(rnd.int(1, 12)).padStart(3, "0") : null,
        rt: null,
        category_kind: subjectType === "area" ? "area" : "ppks",
        category: (subjectType === "area" ? rnd.pick(area) : rnd.pick(ppks)).code,
        description:
          subjectType === "area"
            ? "Masalah kewilayahan dilaporkan warga dan perlu penanganan bersama."
            : `Permasalahan ${person?.name ?? "warga"} ditemukan saat pendataan.`,
        source: rnd.pick(SOURCES),
        urgency,
        stage,
        closure_reason: closedAt ? rnd.pick(REASONS) : null,
        closure_requested_reason: null,
        closure_requested_at: null,
        closure_requested_by: null,
        assignee_id: worker.id,
        reported_at: reportedAt,
        first_visit_at: firstVisitAt,
        closed_at: closedAt,
        version: stageIndex + 3,
        created_by: null,
        is_demo: 1,
        seq,
        created_at: reportedAt,
        updated_at: closedAt ?? now,
      });
      const event = (
        type: string,
        when: string,
        v: number,
        extra: Partial<Row<"case_events">> = {},
      ): Row<"case_events"> => ({
        id: newId(),
        case_id: id,
        region_code: worker.region_code,
        case_version: v,
        type,
        at: when,
        by_user_id: null,
        by_name: "demo",
        from_stage: null,
        to_stage: null,
        note: null,
        data_json: null,
        seq: seq + 1,
        ...extra,
      });
      rows.events.push(
        event("created", reportedAt, 1, { to_stage: "laporan", data_json: JSON.stringify({ urgency }) }),
        event("assigned", reportedAt, 1, { data_json: JSON.stringify({ from: null, to: worker.id }) }),
      );
      rows.assignments.push({
        id: newId(),
        case_id: id,
        region_code: worker.region_code,
        worker_id: worker.id,
        from_at: reportedAt,
        to_at: null,
        assigned_by: null,
        assigned_by_name: "demo",
        seq: seq + 2,
      });
      const task = (
        kind: string,
        title: string,
        due: string,
        status: string,
        done: string | null,
        referralId: string | null = null,
      ): Row<"case_tasks"> => ({
        id: newId(),
        case_id: id,
        region_code: worker.region_code,
        kind,
        title,
        due_at: due,
        assignee_id: worker.id,
        referral_id: referralId,
        status,
        done_at: done,
        seq: seq + 3,
        created_at: reportedAt,
        updated_at: done ?? reportedAt,
      });
      rows.tasks.push(
        task(
          "first_visit",
          "Kunjungan pertama",
          firstVisitDue(urgency, reportedAt),
          firstVisitAt ? "done" : "open",
          firstVisitAt,
        ),
      );
      if (firstVisitAt) {
        rows.visits.push({
          id: newId(),
          case_id: id,
          region_code: worker.region_code,
          visited_at: firstVisitAt,
          worker_id: worker.id,
          met: rnd.pick(MET),
          notes: rnd.pick(NOTES),
          latitude: null,
          longitude: null,
          created_by: null,
          seq: seq + 4,
          created_at: firstVisitAt,
        });
        rows.events.push(event("visit_recorded", firstVisitAt, 2));
      }
      for (let s = 1; s <= Math.min(stageIndex, 4); s++) {
        rows.events.push(
          event("stage_changed", at((ageDays * s) / 6), 2 + s, {
            from_stage: OPEN_STAGES[s - 1],
            to_stage: OPEN_STAGES[s],
          }),
        );
      }
      if (stageIndex >= 3 && subjectType !== "area") {
        const service = rnd.pick(services);
        const local = localPsks(worker.region_code);
        const organisation = local.length > 0 && psksRnd.chance(1 / 3) ? psksRnd.pick(local) : null;
        const referralId = newId();
        const sentOn = jakartaDate(at(ageDays / 2));
        const status =
          stageIndex === 5
            ? rnd.pick(["selesai", "selesai", "ditolak"])
            : rnd.pick(["dikirim", "diterima", "diterima", "ditolak"]);
        rows.referrals.push({
          id: referralId,
          case_id: id,
          region_code: worker.region_code,
          service_code: organisation ? null : service.code,
          organisation_id: organisation?.id ?? null,
          target_name: organisation?.name ?? service.name,
          // A PSKS is outside the Suku Dinas: the referral is a letter, as in referrals.service.ts.
          external: organisation || service.external ? 1 : 0,
          status,
          sent_on: sentOn,
          responded_on: status === "dikirim" ? null : sentOn,
          completed_on: status === "selesai" ? sentOn : null,
          outcome: status === "selesai" ? "Layanan sudah diterima" : null,
          note: null,
          letter_number: `KS-${now.slice(0, 4)}-${String(number).padStart(6, "0")}/RJK-01`,
          created_by: null,
          seq: seq + 5,
          created_at: at(ageDays / 2),
          updated_at: now,
        });
        rows.events.push(
          event("referral_created", at(ageDays / 2), 6, {
            data_json: JSON.stringify({ referralId, target: organisation?.name ?? service.name }),
          }),
        );
        if (status === "diterima")
          rows.tasks.push(
            task(
              "referral_check",
              `Cek hasil rujukan: ${organisation?.name ?? service.name}`,
              referralCheckDue(at(ageDays / 2)),
              "open",
              null,
              referralId,
            ),
          );
      }
      if (closedAt)
        rows.events.push(event("closed", closedAt, 8, { from_stage: "pemantauan", to_stage: "selesai" }));
    }
  }
  await trx
    .insertInto("case_counters")
    .values({ year: Number(now.slice(0, 4)), value: number })
    .onConflict((oc) => oc.column("year").doUpdateSet({ value: number }))
    .execute();
  for (const [table, list] of [
    ["cases", rows.cases],
    ["case_events", rows.events],
    ["case_assignments", rows.assignments],
    ["visits", rows.visits],
    ["referrals", rows.referrals],
    ["case_tasks", rows.tasks],
  ] as const) {
    for (let i = 0; i < list.length; i += 200)
      await trx
        .insertInto(table)
        .values(list.slice(i, i + 200) as never)
        .execute();
  }
  return rows.cases.length;
}
