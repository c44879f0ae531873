/**
 * Password hashing (argon2id) and the password rules. argon2 is deliberately slow (~50–100 ms);
 * callers that need many identical hashes (the demo seed) hash once and reuse the result.
 */
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { checkPassword } from "../../../core/access/password-policy.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import { readShippedData } from "../../shipped-data.ts";

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Stored in the hash, so it can be raised later. */
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

/** A hash of a random secret, verified against when the user does not exist, to keep timing equal. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
}

let common: ReadonlySet<string> | undefined;
/** The shipped list of common passwords (data/common-passwords.txt), lower-case. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readShippedData("common-passwords.txt")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== "" && !line.startsWith("#")),
  );
  return common;
}

/** Throws password_too_weak, naming each broken rule, when `password` may not be used by `username`. */
export function assertPasswordAcceptable(password: string, username: string, field = "body.password"): void {
  const problems = checkPassword(password, { username, commonPasswords: commonPasswords() }, field);
  if (problems.length > 0) throw new AppError("password_too_weak", {}, problems);
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A random password of four groups of five (about 99 bits), easy to read out: `k7m2p-…`. */
export function generatePassword(): string {
  const bytes = randomBytes(20);
  let out = "";
  for (let i = 0; i < 20; i++) {
    if (i > 0 && i % 5 === 0) out += "-";
    out += ALPHABET[(bytes[i] as number) % ALPHABET.length];
  }
  return out;
}
