/**
 * Where DTSEN and Peduli disagree about a family: the candidate lists a Suku Dinas sends its
 * field workers to check (docs/dtsen.md).
 *
 * - **Inclusion** (kemungkinan salah sasaran): the extract ranks the family in desil 1–4, the
 *   poorest 40 % that PKH, Sembako and PBI-JK reach, but its latest Peduli assessment is not
 *   multidimensionally poor.
 * - **Exclusion** (kemungkinan tidak terdata): Peduli finds the family multidimensionally poor, or
 *   a member holds an active PPKS classification, yet the extract ranks it in desil 6–10 or does
 *   not list it at all.
 *
 * Desil 5 is in neither list: it is the edge of the programmes' cut (Sembako and PBI-JK reach it,
 * PKH does not), where a disagreement says little. Strength orders a list (1 strongest): for
 * inclusion, the lower the desil and the lower the deprivation score, the stronger; for exclusion,
 * the higher the desil (absent counts as beyond 10) and the deeper the deprivation.
 */

export type CandidateKind = "inklusi" | "eksklusi";

/** What the lists know of one family. */
export interface FamilyFacts {
  /** Desil in the period's extract, or null when the extract does not list the family. */
  desil: number | null;
  /** The latest assessment, or null when the family was never assessed. */
  assessment: { score: number; isPoor: boolean; deprived: string[] } | null;
  /** Codes of the members' (or the family's) active PPKS classifications. */
  ppks: string[];
}

export interface Candidate {
  kind: CandidateKind;
  /** 0 … 1, higher first. */
  strength: number;
  reasons: { code: string; id: string; en: string }[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The list a family belongs on, with its strength and the reasons, or null for neither. */
export function classifyFamily(f: FamilyFacts): Candidate | null {
  const a = f.assessment;
  if (f.desil !== null && f.desil <= 4) {
    if (!a || a.isPoor) return null;
    return {
      kind: "inklusi",
      strength: round(0.5 * ((5 - f.desil) / 4) + 0.5 * (1 - a.score)),
      reasons: [
        {
          code: "low_desil",
          id: `DTSEN: desil ${f.desil} (40% termiskin).`,
          en: `DTSEN: desil ${f.desil} (poorest 40%).`,
        },
        {
          code: "not_poor",
          id: `Penilaian Peduli: tidak miskin multidimensi (skor ${a.score.toFixed(2)}${a.deprived.length ? `; kekurangan: ${a.deprived.join(", ")}` : ""}).`,
          en: `Peduli assessment: not multidimensionally poor (score ${a.score.toFixed(2)}${a.deprived.length ? `; deprived in: ${a.deprived.join(", ")}` : ""}).`,
        },
      ],
    };
  }
  if (f.desil !== null && f.desil <= 5) return null;
  const poor = a?.isPoor === true;
  if (!poor && f.ppks.length === 0) return null;
  const reasons: Candidate["reasons"] = [
    f.desil === null
      ? {
          code: "not_in_dtsen",
          id: "Tidak terdaftar di DTSEN periode ini.",
          en: "Not listed in this period's DTSEN.",
        }
      : { code: "high_desil", id: `DTSEN: desil ${f.desil}.`, en: `DTSEN: desil ${f.desil}.` },
  ];
  if (poor && a) {
    reasons.push({
      code: "poor",
      id: `Penilaian Peduli: miskin multidimensi (skor ${a.score.toFixed(2)}; kekurangan: ${a.deprived.join(", ")}).`,
      en: `Peduli assessment: multidimensionally poor (score ${a.score.toFixed(2)}; deprived in: ${a.deprived.join(", ")}).`,
    });
  }
  if (f.ppks.length > 0) {
    reasons.push({
      code: "ppks",
      id: `PPKS aktif: ${f.ppks.join(", ")}.`,
      en: `Active PPKS: ${f.ppks.join(", ")}.`,
    });
  }
  const distance = f.desil === null ? 1 : (f.desil - 5) / 6;
  const need = Math.max(poor && a ? a.score : 0, f.ppks.length > 0 ? 0.5 : 0);
  return { kind: "eksklusi", strength: round(0.5 * distance + 0.5 * need), reasons };
}
