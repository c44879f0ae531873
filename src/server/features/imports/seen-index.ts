/**
 * What the validation of a person file remembers about its earlier rows: the first row of each
 * NIK (to report a repeat) and the first row, household number and address key of each KK (to
 * report conflicting addresses, and so that the writer can tell a KK's first row).
 *
 * NIK and KK numbers reaching this index are validated 16-digit strings, so each is kept as two
 * 8-digit halves in typed arrays (open addressing, linear probing) instead of as a string key of a
 * Map: a million NIKs take 24 MB and no garbage-collected objects, where a Map of strings takes
 * several times that and slows every collection. The previous temporary SQLite tables cost one
 * statement per row and grew superlinearly once they outgrew their page cache
 * (docs/benchmarks.md, "Import").
 */

/** The number written by the 8 digits of `key` from `at` (no substring is made). */
function digits(key: string, at: number): number {
  let n = 0;
  for (let i = at; i < at + 8; i++) n = n * 10 + (key.charCodeAt(i) - 48);
  return n;
}

/** A hash set of 16-digit numbers with one int32 value each (and optionally an int32 and a hash). */
class DigitTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private values: Int32Array;
  /** Per-slot extra values (for KKs: the household ordinal); 0 = unused slot marker is `values`. */
  private extra: Int32Array | null;
  /** Per-slot 53-bit hashes (for KKs: of the address key). */
  private hashes: Float64Array | null;
  private mask: number;
  size = 0;

  constructor(
    private readonly withExtras: boolean,
    capacity = 1 << 16,
  ) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.values = new Int32Array(capacity);
    this.extra = withExtras ? new Int32Array(capacity) : null;
    this.hashes = withExtras ? new Float64Array(capacity) : null;
    this.mask = capacity - 1;
  }

  /** The slot of a key: found (values[slot] > 0) or the free slot where it belongs. */
  private slot(hi: number, lo: number): number {
    let i = (Math.imul(hi ^ Math.imul(lo, 0x85ebca6b), 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      if (this.values[i] === 0) return i;
      if (this.hi[i] === hi && this.lo[i] === lo) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** Finds a key; returns its slot or -1. */
  find(key: string): number {
    const i = this.slot(digits(key, 0), digits(key, 8));
    return this.values[i] === 0 ? -1 : i;
  }

  value(slot: number): number {
    return this.values[slot] as number;
  }

  extraOf(slot: number): number {
    return (this.extra?.[slot] ?? 0) as number;
  }

  hashOf(slot: number): number {
    return (this.hashes?.[slot] ?? 0) as number;
  }

  /** Adds a key that is not present (value > 0). */
  add(key: string, value: number, extra = 0, hash = 0): void {
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    const hi = digits(key, 0);
    const lo = digits(key, 8);
    const i = this.slot(hi, lo);
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.values[i] = value;
    if (this.extra) this.extra[i] = extra;
    if (this.hashes) this.hashes[i] = hash;
    this.size++;
  }

  private grow(): void {
    const { hi, lo, values, extra, hashes } = this;
    const capacity = values.length * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.values = new Int32Array(capacity);
    this.extra = this.withExtras ? new Int32Array(capacity) : null;
    this.hashes = this.withExtras ? new Float64Array(capacity) : null;
    this.mask = capacity - 1;
    for (let j = 0; j < values.length; j++) {
      if (values[j] === 0) continue;
      const i = this.slot(hi[j] as number, lo[j] as number);
      this.hi[i] = hi[j] as number;
      this.lo[i] = lo[j] as number;
      this.values[i] = values[j] as number;
      if (this.extra && extra) this.extra[i] = extra[j] as number;
      if (this.hashes && hashes) this.hashes[i] = hashes[j] as number;
    }
  }
}

/** A KK seen before: its first row, its household ordinal (0, 1, 2… in file order) and address key hash. */
export interface SeenKk {
  row: number;
  ordinal: number;
  key: number;
}

/**
 * A 53-bit hash of a household's address key (two 32-bit FNV-1a variants combined). The KK index
 * keeps this number instead of the key's text: 8 bytes a household instead of a string on the
 * garbage-collected heap (about 25 MB for 280,000 households). Two different addresses of one KK
 * go unnoticed only if their hashes collide, a chance of about 1 in 10^16 per such pair.
 */
export function addressKeyHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** NIKs and KKs of the accepted rows so far (see the module comment). Row numbers are > 0. */
export class SeenIndex {
  private readonly niks = new DigitTable(false);
  private readonly kks = new DigitTable(true);
  private last: (SeenKk & { kk: string }) | null = null;

  firstNik(nik: string): number | undefined {
    const slot = this.niks.find(nik);
    return slot < 0 ? undefined : this.niks.value(slot);
  }

  /** Notes `row` as the first of `nik` unless an earlier row has it: returns that row, if any. */
  claimNik(nik: string, row: number): number | undefined {
    const first = this.firstNik(nik);
    if (first === undefined) this.niks.add(nik, row);
    return first;
  }

  firstKk(kk: string): SeenKk | undefined {
    // The rows of a KK usually follow each other.
    if (this.last?.kk === kk) return this.last;
    const slot = this.kks.find(kk);
    if (slot < 0) return undefined;
    this.last = {
      kk,
      row: this.kks.value(slot),
      ordinal: this.kks.extraOf(slot),
      key: this.kks.hashOf(slot),
    };
    return this.last;
  }

  /** Adds a new KK; returns its household ordinal. */
  addKk(kk: string, row: number, key: number): number {
    const ordinal = this.kks.size;
    this.kks.add(kk, row, ordinal, key);
    this.last = { kk, row, ordinal, key };
    return ordinal;
  }

  /** Distinct KK numbers added. */
  kkCount(): number {
    return this.kks.size;
  }
}
