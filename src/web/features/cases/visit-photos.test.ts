import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES } from "../../../core/cases/upload-rules.ts";
import { photoProblem } from "./visit-photos.ts";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];

function file(name: string, bytes: number[], size = bytes.length) {
  const blob = new Blob([new Uint8Array(bytes)]);
  return { name, size, slice: (a: number, b: number) => blob.slice(a, b) };
}

describe("photo check before upload", () => {
  it("accepts a PNG recognised by its first bytes, whatever its name", async () => {
    expect(await photoProblem(file("rumah.txt", PNG), "id")).toBeNull();
  });

  it("refuses a text file named .jpg with the server's message", async () => {
    const text = [...new TextEncoder().encode("bukan gambar")];
    expect(await photoProblem(file("rumah.jpg", text), "id")).toBe(
      "Berkas 'rumah.jpg' bukan gambar JPEG, PNG atau WebP (diperiksa dari isi berkas); berkas tidak disimpan.",
    );
    expect(await photoProblem(file("rumah.jpg", text), "en")).toContain("is not a JPEG, PNG or WebP image");
  });

  it("refuses a photo over 5 MB before reading it", async () => {
    expect(await photoProblem(file("besar.png", PNG, MAX_PHOTO_BYTES + 1), "id")).toBe(
      "Berkas 'besar.png' lebih besar dari batas 5 MB; berkas tidak disimpan.",
    );
  });
});
