/** Locates the reference data shipped in the repository's data/ folder. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DATA_DIR = new URL("../../data/", import.meta.url);

/** Absolute path of a shipped data file (`regions/3171-jakarta-pusat.csv`). */
export function shippedDataPath(relative: string): string {
  return fileURLToPath(new URL(relative, DATA_DIR));
}

/** Contents of a shipped data file as UTF-8 text. */
export function readShippedData(relative: string): string {
  return readFileSync(shippedDataPath(relative), "utf8");
}

/** The region file of the demo city, Kota Administrasi Jakarta Pusat. */
export const DEMO_REGION_FILE = "regions/3171-jakarta-pusat.csv";
export const DEMO_CITY_CODE = "3171";

/**
 * The region file of the whole province of DKI Jakarta (31): its six kota/kabupaten, 44 kecamatan
 * and 267 kelurahan. Its Jakarta Pusat rows are those of the demo file, so it loads on top of it.
 */
export const DKI_REGION_FILE = "regions/31-dki-jakarta.csv";
