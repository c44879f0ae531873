/**
 * Encryption of the personal data the phone stores (docs/offline.md): AES-256-GCM with the
 * device's key, which the server hands only to the device's logged-in user. The key lives in this
 * tab's sessionStorage (so a reload without signal still opens the data) and is forgotten on
 * logout, on a remote wipe and when the browser session ends; IndexedDB holds only ciphertext.
 */
const KEY_STORAGE = "peduli.offline.v1.key";

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function importKey(base64: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", fromBase64(base64), "AES-GCM", false, ["encrypt", "decrypt"]);
}

export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)));
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv },
    key,
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return { iv, data };
}

/** Seals raw bytes (a photo) without turning them into JSON. */
export async function sealBytes(key: CryptoKey, bytes: ArrayBuffer): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(12)));
  return { iv, data: await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, bytes) };
}

export function openBytes(key: CryptoKey, sealed: Sealed): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, key, sealed.data);
}

export async function open<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** The key kept for this tab, if the user logged in here. */
export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function keepKey(base64: string): void {
  sessionStorage.setItem(KEY_STORAGE, base64);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY_STORAGE);
}
