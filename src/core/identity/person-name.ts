/**
 * Person names for matching and display.
 *
 * The same Indonesian person is written many ways across KTP scans, SIKS-NG exports and field
 * forms: "MOCH. RIZQI", "Muhamad Rizky", "M. Rizki". Two keys serve two purposes:
 * - {@link normalizeName} is conservative (case, diacritics, punctuation, and a short list of
 *   well-known abbreviations and spellings of whole name elements); safe for exact matching.
 * - {@link phoneticKey} also folds spelling systems letter by letter, so it finds candidates for
 *   a person to review; it will sometimes match two different people, never decide on its own.
 */

/**
 * Whole-token spellings of the same name element. Kept to variants that are unambiguous in
 * Indonesian names. Deliberately *not* merged: Nur and Nurul ("Nurul" is Nur + the Arabic article,
 * and "Nurul Huda" and "Nur Huda" are different names people keep apart), Abdul and Abdur/Abdurrahman
 * (the assimilated article is part of a different spelling of the whole name).
 */
const NAME_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  muhammad: [
    "muhamad",
    "muhammed",
    "muhamed",
    "mohammad",
    "mohamad",
    "mohammed",
    "mohamed",
    "mochammad",
    "mochamad",
    "muchammad",
    "muchamad",
    "mokhammad",
    "mokhamad",
    "mukhammad",
    "mukhamad",
    "moh",
    "moch",
    "much",
    "muh",
    "mhd",
    "mhmd",
    "mohd",
    "muhd",
  ],
  ahmad: ["achmad", "akhmad", "ahmed", "achmed", "akhmed"],
  abdul: ["abd", "abdoel"],
  nur: ["noor", "nour"],
  siti: ["sitti"],
};

const CANONICAL = new Map<string, string>(
  Object.entries(NAME_ELEMENTS).flatMap(([canonical, variants]) =>
    [canonical, ...variants].map((v): [string, string] => [v, canonical]),
  ),
);

/** Apostrophe-like marks inside names (Ma'ruf, Syafi’i, Jum`at); removed so that Ma'ruf = Maruf. */
const APOSTROPHES = /['`´‘’ʹʻʼʽʾʿ]/g;

/**
 * Matching form of a name: lower case, no diacritics or punctuation, single spaces, and common
 * name elements spelled one way (Moch./Muh./Mohamad → muhammad, Achmad → ahmad, Abd. → abdul,
 * Noor → nur, Sitti → siti). Idempotent.
 *
 * A lone leading "M" ("M. Rizki") is read as Muhammad, the usual meaning of that initial in
 * Indonesian names; elsewhere an "M" may stand for anything (Maryam, Mulyono) and is kept.
 */
export function normalizeName(name: string): string {
  const tokens = name
    // Before decomposing, because NFKD turns ´ into a space and an accent; and again after,
    // because it turns ŉ into ʼn.
    .replace(APOSTROPHES, "")
    .normalize("NFKD")
    .toLowerCase()
    // Lower-casing can yield new decomposable letters (İ → i + dot); decompose again.
    .normalize("NFKD")
    .replace(APOSTROPHES, "")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((t) => t.length > 0);
  return tokens
    .map((token, index) => {
      if (token === "m" && index === 0 && tokens.length > 1) return "muhammad";
      return CANONICAL.get(token) ?? token;
    })
    .join(" ");
}

/**
 * Letter-level spelling rules, applied in order to each token. Why each one:
 * - Old spellings still on older KTPs and in parents' names: oe → u (Soekarno, pre-1947),
 *   dj → j, tj → c, sj → sy, nj → ny (Djoko, Tjahjo, Sjahrir, Njoman; pre-1972). The old j for
 *   modern y (Jusuf = Yusuf) is *not* folded: it would merge every modern j name (Joko, Yoko).
 * - Arabic sounds written several ways: q → k (Rizqi), kh and ch → h (Akhmad, Achmad, Ahmad;
 *   Chusnul, Khusnul, Husnul), dh → d (Ramadhan), dz → z (Dzulkifli), th → t (Thoha), sh → s
 *   (Sholeh), and ph → f (Stephanus). The price: "Chandra" keys as "handra", not "candra".
 * - A final ie or y is i (Rizkie, Rizky).
 * - Doubled letters are single (Muhammad, Muhamad; Fattah).
 * - A final h after a vowel is silent in speech and often dropped in writing (Fatimah, Fatima).
 * Sundanese/Javanese p/f and o/u variation (Pitri, Fitri; Slamet, Selamet) is not folded: too
 * many different names would collide.
 */
const SPELLING_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/oe/g, "u"],
  [/dj/g, "j"],
  [/tj/g, "c"],
  [/sj/g, "sy"],
  [/nj/g, "ny"],
  [/q/g, "k"],
  [/[ck]h/g, "h"],
  [/dh/g, "d"],
  [/dz/g, "z"],
  [/th/g, "t"],
  [/sh/g, "s"],
  [/ph/g, "f"],
  [/ie$/, "i"],
  [/y$/, "i"],
  [/(.)\1+/gu, "$1"],
  [/([aeiou])h$/, "$1"],
];

function foldSpelling(token: string): string {
  // Repeat until stable: one rule can create input for an earlier one (tjh → ch → h), and a
  // stable result is what makes equal keys transitive. Every rule shortens the token or turns
  // letters into ones no earlier rule consumes, so this ends after a few rounds.
  let current = token;
  for (;;) {
    let next = current;
    for (const [pattern, replacement] of SPELLING_RULES) next = next.replace(pattern, replacement);
    if (next === current) return current;
    current = next;
  }
}

/**
 * Search key that is equal for common spelling variants of the same name:
 * `phoneticKey("Muhamad Rizky") === phoneticKey("Muhammad Rizki") === phoneticKey("M. Rizki")`.
 * Built on {@link normalizeName}, then each token is folded by {@link SPELLING_RULES}.
 * Word order is kept; the key is for finding candidates, not for display.
 */
export function phoneticKey(name: string): string {
  return phoneticKeyOfNormalized(normalizeName(name));
}

/** {@link phoneticKey} of a name already passed through {@link normalizeName} (saves doing it twice). */
export function phoneticKeyOfNormalized(normalized: string): string {
  return normalized
    .split(" ")
    .filter((t) => t.length > 0)
    .map(foldSpelling)
    .join(" ");
}

/**
 * Display form: trimmed, single spaces, each word in Title Case (BUDI SANTOSO → Budi Santoso).
 * Words start after a space, hyphen, dot, slash or parenthesis, so "h.m. soeharto" → "H.M. Soeharto"
 * and "s.pd." → "S.Pd.". A letter after an apostrophe stays lower case: in Indonesian names the
 * apostrophe marks an Arabic sound inside a word (Ma'ruf, Syafi'i), not a new word.
 */
export function formatPersonName(name: string): string {
  return name
    .normalize("NFC")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase()
    .replace(/(^|[\s\-./(])(['`´‘’ʻʼ]*)(\p{L})/gu, (_, boundary: string, marks: string, letter: string) => {
      // Letters whose capital is two letters (ß → SS) stay as they are, so formatting twice
      // gives the same result.
      const upper = letter.toUpperCase();
      return `${boundary}${marks}${Array.from(upper).length === 1 ? upper : letter}`;
    })
    .normalize("NFC");
}
