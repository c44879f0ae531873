/**
 * Certificate numbers and verification codes. The number is for people (printed, quoted in
 * letters): `{serial}/{LEVEL}/{ORG}/{year}`, e.g. `0007/BIMTEK-DASAR/SUDINSOS-JP/2024`, with the
 * serial counting per programme. The verification code is for the QR and the public page: 12
 * characters of Crockford base32 from random bytes (60 bits), so codes cannot be guessed or
 * enumerated from the number. Pure: the caller supplies the random bytes.
 */

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const VERIFICATION_CODE_LENGTH = 12;
export const VERIFICATION_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{12}$/;

export function certificateNumber(
  serial: number,
  level: string,
  organiserCode: string,
  year: number,
): string {
  return `${String(serial).padStart(4, "0")}/BIMTEK-${level.toUpperCase()}/${organiserCode}/${year}`;
}

/** A verification code from at least 8 random bytes. */
export function verificationCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < 8) throw new Error("verificationCode needs at least 8 random bytes");
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of randomBytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < VERIFICATION_CODE_LENGTH) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** Normalises a typed code: upper case, O→0, I/L→1, hyphens and spaces removed. */
export function normalizeVerificationCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}
