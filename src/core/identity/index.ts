/**
 * Identity primitives shared by server, web and CLI: NIK and KK numbers, person names and phone
 * numbers. Pure functions; region lists are passed in by the caller (see `knownRegion`).
 */
export type { KnownRegion } from "./id-number.ts";
export type { KkParts, KkResult, ParseKkOptions } from "./kk.ts";
export { parseKkNumber } from "./kk.ts";
export type { NikParts, NikResult, ParseNikOptions, PersonFacts, Sex } from "./nik.ts";
export { maskNik, nikMatchesPerson, parseNik } from "./nik.ts";
export { formatPersonName, normalizeName, phoneticKey } from "./person-name.ts";
export type { PhoneKind, PhoneNumber, PhoneResult } from "./phone.ts";
export { normalizePhone } from "./phone.ts";
export type { Checked, CheckedWithWarnings, Reason, Rejected } from "./reason.ts";
