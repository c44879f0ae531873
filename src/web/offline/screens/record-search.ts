/**
 * Finding a held household or member by typing: a kelurahan holds about 7,000 households and
 * 25,000 persons, too many for a list. The index is built once per load of the held data (not per
 * keystroke); a search is one pass over flat, pre-normalised strings. Pure: no DOM, no store.
 */
import { maskNik } from "../../../core/identity/nik.ts";
import type { LocalRecord } from "../local-store.ts";

/** One choice of the picker: a household, or a member with their household. */
export interface PickEntry {
  /** The id the form sends: the household's or the person's. */
  id: string;
  householdId: string;
  /** First line: the address (household) or the name (member). */
  title: string;
  /** Second line: RW/RT, the masked KK, the members (household) or the address (member). */
  detail: string;
  /** Made on this phone and not sent yet. */
  isNew: boolean;
  rw: number | null;
  rt: number | null;
  /** Normalised words searched by text: address and names. */
  text: string;
  /** The KK number's digits (searched by digits, never shown whole). */
  digits: string;
}

export interface PickIndex {
  households: PickEntry[];
  persons: PickEntry[];
}

export const EMPTY_INDEX: PickIndex = { households: [], persons: [] };

/** Lower case, no accents, punctuation as spaces, single spaces: what is compared. */
export function normalize(value: string): string {
  const lower = value.toLowerCase();
  // Most names and addresses are plain ASCII: only the others pay for taking accents off.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, not a control character
  const plain = /[^\x00-\x7f]/.test(lower) ? lower.normalize("NFD").replace(/\p{M}/gu, "") : lower;
  return plain.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const num = (v: unknown) => {
  const n = Number.parseInt(str(v), 10);
  return Number.isFinite(n) ? n : null;
};

/** No-break space: "RW 007/RT 003" and "KK 3171…" never break inside on a narrow screen. */
const NBSP = "\u00a0";

/** "RW 7/RT 3" with the numbers as held (leading zeros kept). */
function rwRt(data: Record<string, unknown>): string {
  return `RW${NBSP}${str(data.rw) || "-"}/RT${NBSP}${str(data.rt) || "-"}`;
}

/**
 * The picker's index of what the phone holds. `households` should already be in display order
 * (by address); members are listed by name.
 */
export function buildPickIndex(
  households: readonly LocalRecord[],
  persons: readonly LocalRecord[],
): PickIndex {
  // Each name and address is normalised once, then shared by household and member entries.
  const members = new Map<string, { names: string[]; normal: string[] }>();
  const normalNames = new Map<string, string>();
  for (const p of persons) {
    const hid = str(p.data.householdId);
    const name = str(p.data.name);
    const normal = normalize(name);
    normalNames.set(p.id, normal);
    const list = members.get(hid);
    if (list) {
      list.names.push(name);
      list.normal.push(normal);
    } else members.set(hid, { names: [name], normal: [normal] });
  }
  const normalAddresses = new Map<string, string>();
  const places = new Map<string, string>();
  const byId = new Map<string, PickEntry>();
  const householdEntries = households.map((h) => {
    const { names, normal } = members.get(h.id) ?? { names: [], normal: [] };
    const kk = str(h.data.kkNumber).replace(/\D/g, "");
    const address = str(h.data.address);
    const normalAddress = normalize(address);
    normalAddresses.set(h.id, normalAddress);
    places.set(h.id, rwRt(h.data));
    const detail = [rwRt(h.data), kk ? `KK${NBSP}${maskNik(kk)}` : "", names.slice(0, 3).join(", ")]
      .concat(names.length > 3 ? ["…"] : [])
      .filter(Boolean)
      .join(" · ");
    const entry: PickEntry = {
      id: h.id,
      householdId: h.id,
      title: address || h.id,
      detail,
      isNew: h.seq === 0,
      rw: num(h.data.rw),
      rt: num(h.data.rt),
      text: ` ${normalAddress} ${normal.join(" ")}`,
      digits: kk,
    };
    byId.set(h.id, entry);
    return entry;
  });
  const personEntries = persons.map((p) => {
    const home = byId.get(str(p.data.householdId));
    const name = str(p.data.name);
    return {
      id: p.id,
      householdId: home?.id ?? str(p.data.householdId),
      title: name || p.id,
      detail: home ? `${home.title} · ${places.get(home.id)}` : "",
      isNew: p.seq === 0,
      rw: home?.rw ?? null,
      rt: home?.rt ?? null,
      text: ` ${normalNames.get(p.id) ?? ""} ${home ? (normalAddresses.get(home.id) ?? "") : ""}`,
      digits: home?.digits ?? "",
    };
  });
  return { households: householdEntries, persons: personEntries };
}

/** What a typed query asks for. */
export interface ParsedQuery {
  rw: number | null;
  rt: number | null;
  /** Runs of 4 or more digits: part of a KK number (or of the address). */
  numbers: string[];
  /** Everything else, normalised: each must appear in the address or a name. */
  words: string[];
}

/** Reads "rw 7", "RW07", "rt 3", "7/3" (RW/RT), long digit runs (KK) and words. */
export function parseQuery(query: string): ParsedQuery {
  let rest = query.toLowerCase();
  let rw: number | null = null;
  let rt: number | null = null;
  rest = rest.replace(/\b(\d{1,3})\s*\/\s*(\d{1,3})\b/, (_, a: string, b: string) => {
    rw = Number(a);
    rt = Number(b);
    return " ";
  });
  rest = rest.replace(/\brw\s*\.?\s*(\d{1,3})\b/, (_, a: string) => {
    rw = Number(a);
    return " ";
  });
  rest = rest.replace(/\brt\s*\.?\s*(\d{1,3})\b/, (_, a: string) => {
    rt = Number(a);
    return " ";
  });
  const numbers: string[] = [];
  const words: string[] = [];
  for (const token of normalize(rest).split(" ")) {
    if (!token) continue;
    if (/^\d{4,}$/.test(token)) numbers.push(token);
    else words.push(token);
  }
  return { rw, rt, numbers, words };
}

export interface SearchResult {
  matches: PickEntry[];
  /** How many entries match in all (more than `matches` when cut at the limit). */
  total: number;
}

/**
 * The entries matching `query`, best first, at most `limit`. Every part must match: RW and RT by
 * number, digit runs in the KK or the text, words in the text. A word starting a word of the
 * address or a name ranks above one found inside a word; ties keep the index order. An empty
 * query gives the first `limit` entries.
 */
export function searchPicks(entries: readonly PickEntry[], query: string, limit = 20): SearchResult {
  const q = parseQuery(query);
  const empty = q.rw === null && q.rt === null && q.numbers.length === 0 && q.words.length === 0;
  if (empty) return { matches: entries.slice(0, limit), total: entries.length };
  const starts = q.words.map((w) => ` ${w}`);
  const found: { entry: PickEntry; score: number; order: number }[] = [];
  entries.forEach((entry, order) => {
    if (q.rw !== null && entry.rw !== q.rw) return;
    if (q.rt !== null && entry.rt !== q.rt) return;
    let score = 0;
    for (const n of q.numbers) {
      if (entry.digits.includes(n)) score += entry.digits.startsWith(n) ? 3 : 2;
      else if (entry.text.includes(n)) score += 1;
      else return;
    }
    for (let i = 0; i < q.words.length; i++) {
      if (entry.text.includes(starts[i]!)) score += 2;
      else if (entry.text.includes(q.words[i]!)) score += 1;
      else return;
    }
    found.push({ entry, score, order });
  });
  found.sort((a, b) => b.score - a.score || a.order - b.order);
  return { matches: found.slice(0, limit).map((f) => f.entry), total: found.length };
}
