/**
 * Certificates: issued to the participants who meet the programme's completion rule, numbered per
 * programme, each with an unguessable verification code behind its QR. Revocation keeps the row
 * (the public page then says "dicabut"). Verification is public and shows name, programme and
 * date only; an unknown code is a plain 404.
 */
import { randomBytes } from "node:crypto";
import { ZipArchive } from "archiver";
import type { Kysely } from "kysely";
import { periodeIndonesia } from "../../../core/dates/indonesian-dates.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { sessionHours } from "../../../core/training/attendance.ts";
import {
  certificateNumber,
  normalizeVerificationCode,
  VERIFICATION_CODE_PATTERN,
  verificationCode,
} from "../../../core/training/certificate-number.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import type { Actor } from "../auth/actor.ts";
import { COHORT, loadCohortResults } from "../training/results.ts";
import { presentCertificate, verifyUrl } from "../training/training.presenter.ts";
import type { CertificateRow } from "../training/training.table.ts";
import { assertManage, canManage, workerIdOf } from "../training/training-access.ts";
import { renderCertificatePdf } from "./certificate-pdf.ts";

export const CERTIFICATE = { id: "Sertifikat", en: "Certificate" };

/** Role names as printed on certificates and invitation letters. */
export const ROLE_LABELS: Record<string, string> = {
  tksk: "Tenaga Kesejahteraan Sosial Kecamatan (TKSK)",
  psm: "Pekerja Sosial Masyarakat (PSM)",
};

/** Issues certificates to every completer without one. Idempotent. */
export async function issueCertificates(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
  now = new Date(),
) {
  assertManage(actor);
  return db.transaction().execute((trx) => issueForCohort(trx, cohortId, now));
}

export async function issueForCohort(trx: Db, cohortId: string, now: Date) {
  const results = await loadCohortResults(trx, cohortId);
  const hours = results.sessions.reduce(
    (sum, s) => sum + sessionHours({ date: s.date, startTime: s.start_time, endTime: s.end_time }),
    0,
  );
  const max = await trx
    .selectFrom("training_certificates")
    .select((eb) => eb.fn.max("serial").as("serial"))
    .where("programme_id", "=", results.programme.id)
    .executeTakeFirst();
  let serial = Number(max?.serial ?? 0);
  let issued = 0;
  let alreadyIssued = 0;
  let notCompleted = 0;
  for (const p of results.participants) {
    if (p.certificate) {
      alreadyIssued++;
      continue;
    }
    if (!p.completed) {
      notCompleted++;
      continue;
    }
    serial++;
    await trx
      .insertInto("training_certificates")
      .values({
        id: newId(),
        enrolment_id: p.enrolmentId,
        programme_id: results.programme.id,
        serial,
        number: certificateNumber(
          serial,
          results.programme.level,
          results.programme.organiser_code,
          results.programme.year,
        ),
        code: verificationCode(randomBytes(10)),
        holder_name: p.name,
        programme_name: results.programme.name,
        completed_on: results.cohort.ends_on,
        hours,
        issued_at: now.toISOString(),
        revoked_at: null,
        revoked_reason: null,
      })
      .execute();
    issued++;
  }
  return { issued, alreadyIssued, notCompleted };
}

export async function listCohortCertificates(db: Db, actor: Actor, cohortId: string, baseUrl: string) {
  assertManage(actor);
  const results = await loadCohortResults(db, cohortId);
  return results.participants.flatMap((p) =>
    p.certificate ? [presentCertificate(p.certificate, baseUrl)] : [],
  );
}

async function findCertificate(db: Db, id: string): Promise<CertificateRow> {
  const row = await db
    .selectFrom("training_certificates")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound(CERTIFICATE);
  return row;
}

/** The actor's own certificates (participants). */
export async function myCertificates(db: Db, actor: Actor, baseUrl: string) {
  const workerId = await workerIdOf(db, actor);
  if (!workerId) return [];
  const rows = await db
    .selectFrom("training_certificates as c")
    .innerJoin("training_enrolments as e", "e.id", "c.enrolment_id")
    .selectAll("c")
    .where("e.worker_id", "=", workerId)
    .orderBy("c.issued_at", "desc")
    .execute();
  return rows.map((r) => presentCertificate(r, baseUrl));
}

/** The PDF of one certificate: for training managers, and for its holder. */
export async function certificatePdf(db: Db, actor: Actor, id: string, baseUrl: string) {
  const cert = await findCertificate(db, id);
  const enrolment = await db
    .selectFrom("training_enrolments")
    .selectAll()
    .where("id", "=", cert.enrolment_id)
    .executeTakeFirstOrThrow();
  if (!canManage(actor) && (await workerIdOf(db, actor)) !== enrolment.worker_id) throw notFound(CERTIFICATE);
  return { number: cert.number, pdf: await renderOne(db, cert, baseUrl) };
}

async function renderOne(db: Db, cert: CertificateRow, baseUrl: string): Promise<Buffer> {
  const row = await db
    .selectFrom("training_enrolments as e")
    .innerJoin("training_cohorts as c", "c.id", "e.cohort_id")
    .innerJoin("training_programmes as p", "p.id", "c.programme_id")
    .leftJoin("regions as r", "r.code", "e.region_code")
    .select([
      "e.role",
      "r.name as region_name",
      "r.kind as region_kind",
      "c.starts_on",
      "c.ends_on",
      "c.venue",
      "p.organiser",
      "p.signatory_name",
      "p.signatory_title",
    ])
    .where("e.id", "=", cert.enrolment_id)
    .executeTakeFirstOrThrow();
  const kind =
    row.region_kind === "kecamatan" ? "Kecamatan" : row.region_kind === "kelurahan" ? "Kelurahan" : "";
  return renderCertificatePdf({
    number: cert.number,
    holderName: cert.holder_name,
    roleLabel: ROLE_LABELS[row.role] ?? row.role.toUpperCase(),
    regionName: `${kind} ${row.region_name ?? ""}`.trim(),
    programmeName: cert.programme_name,
    organiser: row.organiser,
    period: periodeIndonesia(row.starts_on, row.ends_on),
    hours: cert.hours,
    place: row.venue,
    issuedOn: cert.completed_on,
    signatoryName: row.signatory_name,
    signatoryTitle: row.signatory_title,
    verifyUrl: verifyUrl(baseUrl, cert.code),
    revoked: cert.revoked_at !== null,
  });
}

/** Every certificate of a cohort as PDFs in one ZIP, named by number. */
export async function cohortCertificatesZip(
  db: Db,
  actor: Actor,
  cohortId: string,
  baseUrl: string,
): Promise<Buffer> {
  assertManage(actor);
  if (!(await db.selectFrom("training_cohorts").select("id").where("id", "=", cohortId).executeTakeFirst())) {
    throw notFound(COHORT);
  }
  const certs = await db
    .selectFrom("training_certificates as c")
    .innerJoin("training_enrolments as e", "e.id", "c.enrolment_id")
    .selectAll("c")
    .where("e.cohort_id", "=", cohortId)
    .orderBy("c.serial")
    .execute();
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  zip.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.on("end", () => resolve(Buffer.concat(chunks)));
    zip.on("error", reject);
  });
  for (const cert of certs) {
    const name = `${cert.number.replace(/\//g, "-")}_${cert.holder_name.replace(/[^\p{L}\p{N}]+/gu, "-")}.pdf`;
    zip.append(await renderOne(db, cert, baseUrl), { name });
  }
  await zip.finalize();
  return done;
}

export async function revokeCertificate(db: Db, actor: Actor, id: string, reason: string, baseUrl: string) {
  assertManage(actor);
  const cert = await findCertificate(db, id);
  if (cert.revoked_at) {
    throw new AppError("conflict", {
      detail: `Sertifikat ${cert.number} sudah dicabut. / Certificate ${cert.number} is already revoked.`,
    });
  }
  await db
    .updateTable("training_certificates")
    .set({ revoked_at: nowIso(), revoked_reason: reason })
    .where("id", "=", id)
    .execute();
  return presentCertificate(await findCertificate(db, id), baseUrl);
}

/** Public verification; null for an unknown or malformed code. */
export async function verifyCertificate(db: Db, code: string) {
  const normalized = normalizeVerificationCode(code);
  if (!VERIFICATION_CODE_PATTERN.test(normalized)) return null;
  const cert = await db
    .selectFrom("training_certificates")
    .selectAll()
    .where("code", "=", normalized)
    .executeTakeFirst();
  if (!cert) return null;
  return {
    status: (cert.revoked_at ? "revoked" : "valid") as "valid" | "revoked",
    number: cert.number,
    name: cert.holder_name,
    programme: cert.programme_name,
    date: cert.completed_on,
    revokedAt: cert.revoked_at,
  };
}
