/** Interface names of region kinds (kecamatan → "Kecamatan" / "District"). */
import type { TFunction } from "i18next";
import { REGION_KINDS, type RegionKind } from "../../../core/region/region-code.ts";

function isKnownKind(kind: string): kind is RegionKind {
  return (REGION_KINDS as readonly string[]).includes(kind);
}

/** The name of one region's kind; an unknown kind is shown as the server sent it. */
export function kindLabel(t: TFunction, kind: string): string {
  return isKnownKind(kind) ? t(`kinds.${kind}`) : kind;
}

/** A heading word for a list of regions: their shared kind in the plural, or "Wilayah" when mixed. */
export function kindsHeading(t: TFunction, kinds: string[]): string {
  const [first] = kinds;
  if (first && isKnownKind(first) && kinds.every((k) => k === first)) return t(`kindsPlural.${first}`);
  return t("kindsPlural.wilayah");
}
