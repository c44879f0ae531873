/**
 * Password rules after NIST SP 800-63B §5.1.1: length 8–128, no composition rules, every
 * character allowed (compared after Unicode NFC), refused when it is a commonly used password or
 * contains the username. The list of common passwords is shipped data, passed in by the caller.
 */
import type { FieldProblem } from "../errors/app-error.ts";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** Shown as advice, not enforced: long passphrases are easier to remember and harder to guess. */
export const PASSWORD_RECOMMENDED_LENGTH = 12;

export interface PasswordContext {
  username: string;
  /** Lower-case common passwords. */
  commonPasswords: ReadonlySet<string>;
}

/** The problems with a new password; empty when it is acceptable. */
export function checkPassword(
  password: string,
  context: PasswordContext,
  field = "body.password",
): FieldProblem[] {
  const normalized = password.normalize("NFC");
  const length = [...normalized].length;
  const problems: FieldProblem[] = [];
  const add = (code: string, id: string, en: string) => problems.push({ field, code, message: { id, en } });
  if (length < PASSWORD_MIN_LENGTH) {
    add(
      "password_too_short",
      `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter (disarankan ${PASSWORD_RECOMMENDED_LENGTH} atau lebih, misalnya beberapa kata).`,
      `A password needs at least ${PASSWORD_MIN_LENGTH} characters (${PASSWORD_RECOMMENDED_LENGTH} or more recommended, e.g. a few words).`,
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    add(
      "password_too_long",
      `Kata sandi paling banyak ${PASSWORD_MAX_LENGTH} karakter.`,
      `A password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
    );
  }
  const lower = normalized.toLowerCase();
  if (context.commonPasswords.has(lower)) {
    add(
      "password_common",
      "Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain.",
      "This password is too common and easy to guess; choose another.",
    );
  }
  const username = context.username.trim().toLowerCase();
  if (username.length >= 3 && lower.includes(username)) {
    add(
      "password_contains_username",
      "Kata sandi tidak boleh memuat nama pengguna.",
      "The password must not contain the username.",
    );
  }
  return problems;
}
