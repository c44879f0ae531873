/**
 * Nomor KK (Kartu Keluarga): the 16-digit family-card number issued by SIAK.
 *
 * The first 6 digits are the kecamatan where the card was issued; the rest are a registration
 * date and a family serial. Public sources do not agree on how those 10 digits split, so only the
 * region prefix and the final 4 digits (never 0000) are checked. Unlike a NIK, the KK number
 * changes when a family moves, splits (pecah KK) or loses its head.
 */
import {
  checkRegionPrefix,
  checkSerial,
  checkShape,
  KK_KIND,
  type KnownRegion,
  regionWarnings,
  stripSeparators,
} from "./id-number.ts";
import type { CheckedWithWarnings } from "./reason.ts";

/** What a valid KK number says. */
export interface KkParts {
  /** The 16 digits, separators removed. */
  kkNumber: string;
  /** Kecamatan code of issuance, 6 digits. */
  regionCode: string;
}

export interface ParseKkOptions {
  /** When given, an unknown kecamatan yields a warning (never a rejection). */
  knownRegion?: KnownRegion;
}

export type KkResult = CheckedWithWarnings<KkParts>;

/** Parses and validates a KK number, reporting every rule it breaks. */
export function parseKkNumber(input: string, opts: ParseKkOptions = {}): KkResult {
  const kkNumber = stripSeparators(input);
  const shape = checkShape(kkNumber, KK_KIND);
  if (shape.length > 0) return { ok: false, reasons: shape, warnings: [] };

  const reasons = [...checkRegionPrefix(kkNumber, KK_KIND), ...checkSerial(kkNumber, KK_KIND)];
  const warnings = regionWarnings(kkNumber, KK_KIND, opts.knownRegion);
  if (reasons.length > 0) return { ok: false, reasons, warnings };
  return { ok: true, kkNumber, regionCode: kkNumber.slice(0, 6), warnings };
}
