/** Schemas of authentication, users and API tokens, shared by server, web and CLI. */
import { z } from "zod";
import { USERNAME_PATTERN } from "../access/login-name.ts";
import { PERMISSIONS, ROLES } from "../access/permissions.ts";
import { regionCodeParam } from "./common.schema.ts";

export const roleSchema = z.enum(ROLES).meta({ description: "admin, sudin, tksk, psm, pelatih or pimpinan" });
export const permissionSchema = z.enum(PERMISSIONS);

const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => USERNAME_PATTERN.test(value), {
    message: "username_invalid",
    params: {
      id: "Nama pengguna 3–64 karakter: huruf kecil, angka, titik, tanda hubung atau garis bawah.",
      en: "A username has 3–64 characters: lower-case letters, digits, dot, hyphen or underscore.",
    },
  })
  .meta({ example: "psm.kebon-kelapa" });

const passwordField = z.string().min(1).max(1024);

export const scopeSchema = z
  .object({
    kind: z.enum(["all", "region", "none"]),
    regionCode: z.string().optional(),
  })
  .meta({ id: "RegionScope", description: "The records this user may see: all, a region subtree, or none" });

/** A user as the API returns it. */
export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    workerId: z.string().nullable(),
    disabled: z.boolean(),
    lockedUntil: z
      .string()
      .nullable()
      .meta({ description: "Set while the account is locked after failed logins" }),
    failedLogins: z.number().int(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "User" });
export type UserDto = z.infer<typeof userSchema>;

export const loginBody = z.object({ username: z.string().trim().min(1).max(100), password: passwordField });

export const sessionInfoSchema = z
  .object({
    user: userSchema,
    permissions: z.array(permissionSchema),
    scope: scopeSchema,
    csrfToken: z
      .string()
      .nullable()
      .meta({ description: "Send in X-CSRF-Token on POST, PUT, PATCH and DELETE (cookie sessions)" }),
    sessionExpiresAt: z.string().nullable().meta({ description: "Absolute end of the session" }),
  })
  .meta({ id: "SessionInfo" });
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const changePasswordBody = z.object({ currentPassword: passwordField, newPassword: passwordField });

export const userListQuery = z.object({
  role: roleSchema.optional(),
  q: z.string().trim().max(100).optional().meta({ description: "Part of the username or name" }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const userListResponse = z.object({ items: z.array(userSchema), total: z.number().int() });

export const createUserBody = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200),
  role: roleSchema,
  regionCode: regionCodeParam.nullable().optional(),
  workerId: z.string().uuid().nullable().optional(),
  password: passwordField.optional().meta({ description: "Omit to have one generated and returned once" }),
});

export const updateUserBody = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  role: roleSchema.optional(),
  regionCode: regionCodeParam.nullable().optional(),
  workerId: z.string().uuid().nullable().optional(),
  disabled: z.boolean().optional(),
  unlock: z.literal(true).optional().meta({ description: "Clear a lock after failed logins" }),
});

export const resetPasswordBody = z.object({
  password: passwordField.optional().meta({ description: "Omit to have one generated and returned once" }),
});

export const userWithPasswordResponse = z.object({
  user: userSchema,
  password: z
    .string()
    .nullable()
    .meta({ description: "The generated password, shown this once; null when given" }),
});

export const idParams = z.object({ id: z.string().uuid() });

/** An API token as listed (never the secret). */
export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The first characters of the token, to recognise it" }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type ApiTokenDto = z.infer<typeof apiTokenSchema>;

export const createTokenBody = z.object({ name: z.string().trim().min(1).max(100) });
export const createdTokenResponse = z.object({
  token: apiTokenSchema,
  secret: z.string().meta({ description: "Send as `Authorization: Bearer …`; shown this once" }),
});
export const tokenListResponse = z.object({ items: z.array(apiTokenSchema) });
