import { describe, expect, it } from "vitest";
import { workerLoginName } from "./login-name.ts";
import { checkPassword } from "./password-policy.ts";
import { PERMISSIONS, permissionsOf, ROLE_TABLE, ROLES, roleHas } from "./permissions.ts";
import { maskPhone, presentKk, presentNik } from "./privacy.ts";

describe("permission table", () => {
  it("gives pimpinan and pelatih no individual-record permission", () => {
    const individual = PERMISSIONS.filter((p) => /^(households|persons|workers|audit|registry):/.test(p));
    for (const p of individual) {
      expect(roleHas("pimpinan", p)).toBe(false);
      expect(roleHas("pelatih", p)).toBe(false);
    }
    expect(roleHas("pimpinan", "aggregates:read")).toBe(true);
  });

  it("keeps user management with admin only, and region levels with tksk and psm", () => {
    expect(ROLES.filter((r) => roleHas(r, "users:manage"))).toEqual(["admin"]);
    expect(ROLE_TABLE.tksk.regionLevel).toBe("kecamatan");
    expect(ROLE_TABLE.psm.regionLevel).toBe("kelurahan");
    expect(permissionsOf("psm")).toContain("households:read");
  });
});

describe("password rules (NIST SP 800-63B)", () => {
  const ctx = { username: "psm.kebon-kelapa", commonPasswords: new Set(["bismillah", "12345678"]) };
  const codes = (p: string) => checkPassword(p, ctx).map((x) => x.code);
  it("accepts long passphrases of any characters and refuses short, long, common and username passwords", () => {
    expect(codes("kopi tubruk pagi")).toEqual([]);
    expect(codes("ñandú–日本語パス")).toEqual([]);
    expect(codes("pendek")).toEqual(["password_too_short"]);
    expect(codes("x".repeat(129))).toEqual(["password_too_long"]);
    expect(codes("BISMILLAH")).toEqual(["password_common"]);
    expect(codes("aku-psm.kebon-kelapa")).toEqual(["password_contains_username"]);
  });
});

describe("privacy helpers and login names", () => {
  it("masks NIK, KK and phone in lists and shows them on detail views", () => {
    expect(presentNik("3171014507900003", "list")).toBe("3171••••••••0003");
    expect(presentNik("3171014507900003", "detail")).toBe("3171014507900003");
    expect(presentKk("3171010101200042", "list")).toBe("3171••••••••0042");
    expect(presentNik(null, "list")).toBeNull();
    expect(maskPhone("081234567890")).toBe("0812•••••890");
  });
  it("forms worker login names from region names", () => {
    expect(workerLoginName("psm", "Kebon Kelapa")).toBe("psm.kebon-kelapa");
    expect(workerLoginName("tksk", "Cempaka Putih")).toBe("tksk.cempaka-putih");
  });
});
