/**
 * Registry data for the pages through TanStack Query: household and person lists (server paging),
 * one household or person, the PPKS catalogue, the duplicate queue, and the changes (each one
 * refreshes what it touched). Types come from the shared schemas in src/core/api.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CreateHouseholdBody,
  CreatePersonBody,
  createPpksBody,
  duplicateListResponse,
  HouseholdDto,
  householdDetailSchema,
  PersonDto,
  personDetailSchema,
  ppksCategoryListResponse,
  ppksClassificationSchema,
  UpdateHouseholdBody,
  UpdatePersonBody,
  updatePpksBody,
} from "../../../core/api/registry.schema.ts";
import { api } from "../../api/api.ts";

export type HouseholdDetail = z.infer<typeof householdDetailSchema>;
export type PersonDetail = z.infer<typeof personDetailSchema>;
export type PpksClassification = z.infer<typeof ppksClassificationSchema>;
export type PpksCategoryList = z.infer<typeof ppksCategoryListResponse>;
export type DuplicateList = z.infer<typeof duplicateListResponse>;
export type UpdatePpksInput = z.input<typeof updatePpksBody>;
export type CreatePpksInput = z.input<typeof createPpksBody>;

interface Page<T> {
  items: T[];
  total: number;
}

/** A person list: a name search counts up to a cap, and then says so. */
interface PersonPage extends Page<PersonDto> {
  totalIsLowerBound: boolean;
}

/** What the list page shows: households or people. */
export type RegistryView = "keluarga" | "jiwa";

/** Filters of the registry list as the address bar keeps them (strings, all optional). */
export interface RegistryFilters {
  view: RegistryView;
  region?: string;
  rw?: string;
  ppks?: string;
  q?: string;
  ageMin?: string;
  ageMax?: string;
  page: number;
}

export const PAGE_SIZE = 20;

/** Reads the filters from the address bar; unknown or malformed values are dropped. */
export function registryFiltersFrom(params: URLSearchParams): RegistryFilters {
  const digits = (key: string, max: number) => {
    const value = (params.get(key) ?? "").trim();
    return new RegExp(`^\\d{1,${max}}$`).test(value) ? value : undefined;
  };
  const region = (params.get("region") ?? "").replace(/\./g, "");
  return {
    view: params.get("view") === "jiwa" ? "jiwa" : "keluarga",
    region: /^\d{2,10}$/.test(region) ? region : undefined,
    rw: digits("rw", 3),
    ppks: digits("ppks", 2),
    q: (params.get("q") ?? "").trim() || undefined,
    ageMin: digits("ageMin", 3),
    ageMax: digits("ageMax", 3),
    page: Math.max(1, Math.floor(Number(params.get("page"))) || 1),
  };
}

/** A 16-digit number (NIK or KK) typed with spaces, dots or dashes, as bare digits; otherwise null. */
function wholeNumber(q: string): string | null {
  const digits = q.replace(/[\s.-]/g, "");
  return /^\d{16}$/.test(digits) ? digits : null;
}

/** Query string of GET /households for these filters (one page; the server counts the total). */
export function householdSearch(f: RegistryFilters): string {
  const params = new URLSearchParams();
  if (f.region) params.set("region", f.region);
  if (f.rw) params.set("rw", f.rw);
  if (f.q) params.set("q", wholeNumber(f.q) ?? f.q);
  params.set("limit", String(PAGE_SIZE));
  params.set("offset", String((f.page - 1) * PAGE_SIZE));
  return params.toString();
}

/** Query string of GET /persons for these filters; `q` is a name, or a whole NIK/KK (exact). */
export function personSearch(f: RegistryFilters): string {
  const params = new URLSearchParams();
  if (f.region) params.set("region", f.region);
  if (f.rw) params.set("rw", f.rw);
  if (f.ppks) params.set("ppks", f.ppks);
  if (f.q) params.set("q", wholeNumber(f.q) ?? f.q);
  if (f.ageMin) params.set("ageMin", f.ageMin);
  if (f.ageMax) params.set("ageMax", f.ageMax);
  params.set("limit", String(PAGE_SIZE));
  params.set("offset", String((f.page - 1) * PAGE_SIZE));
  return params.toString();
}

/** Address of the person export within the filters the export understands (region, RW, PPKS). */
export function exportHref(f: RegistryFilters, format: "csv" | "xlsx"): string {
  const params = new URLSearchParams({ format });
  if (f.region) params.set("region", f.region);
  if (f.rw) params.set("rw", f.rw);
  if (f.ppks) params.set("ppks", f.ppks);
  return `/api/v1/persons/export?${params.toString()}`;
}

export const registryKeys = {
  households: ["households"] as const,
  householdList: (search: string) => ["households", "list", search] as const,
  household: (id: string) => ["households", "detail", id] as const,
  persons: ["persons"] as const,
  personList: (search: string) => ["persons", "list", search] as const,
  person: (id: string) => ["persons", "detail", id] as const,
  ppksCategories: ["ppks-categories"] as const,
  duplicates: ["duplicates"] as const,
};

const householdPath = (id: string) => `/households/${encodeURIComponent(id)}`;
const personPath = (id: string) => `/persons/${encodeURIComponent(id)}`;

export function useHouseholds(search: string, enabled = true) {
  return useQuery({
    queryKey: registryKeys.householdList(search),
    queryFn: ({ signal }) => api.get<Page<HouseholdDto>>(`/households?${search}`, { signal }),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function usePersons(search: string, enabled = true) {
  return useQuery({
    queryKey: registryKeys.personList(search),
    queryFn: ({ signal }) => api.get<PersonPage>(`/persons?${search}`, { signal }),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/** One household with members, PPKS and events (each load is an audited view). */
export function useHousehold(id: string) {
  return useQuery({
    queryKey: registryKeys.household(id),
    queryFn: ({ signal }) => api.get<HouseholdDetail>(householdPath(id), { signal }),
  });
}

/** One person with the whole NIK (an audited view); `enabled` lets "Lihat NIK" ask only on demand. */
export function usePerson(id: string, enabled = true) {
  return useQuery({
    queryKey: registryKeys.person(id),
    queryFn: ({ signal }) => api.get<PersonDetail>(personPath(id), { signal }),
    enabled,
  });
}

export function usePpksCategories() {
  return useQuery({
    queryKey: registryKeys.ppksCategories,
    queryFn: ({ signal }) => api.get<PpksCategoryList>("/ppks-categories", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDuplicates(page: number) {
  const search = new URLSearchParams({
    status: "pending",
    limit: String(PAGE_SIZE),
    offset: String((page - 1) * PAGE_SIZE),
  }).toString();
  return useQuery({
    queryKey: [...registryKeys.duplicates, search],
    queryFn: ({ signal }) => api.get<DuplicateList>(`/duplicates?${search}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

/** Forgets every list and detail, after a change that may show in any of them. */
function useRefreshRegistry() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: registryKeys.households }),
      client.invalidateQueries({ queryKey: registryKeys.persons }),
      client.invalidateQueries({ queryKey: registryKeys.duplicates }),
      client.invalidateQueries({ queryKey: ["audit", "record"] }),
    ]);
}

export function useCreateHousehold() {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: (body: CreateHouseholdBody) => api.send<HouseholdDetail>("POST", "/households", body),
    onSuccess: refresh,
  });
}

export function useUpdateHousehold(id: string) {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: (body: UpdateHouseholdBody) => api.send<HouseholdDetail>("PATCH", householdPath(id), body),
    onSuccess: refresh,
  });
}

export function useCreatePerson() {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: (body: CreatePersonBody) => api.send<PersonDetail>("POST", "/persons", body),
    onSuccess: refresh,
  });
}

/** PATCH a person: attributes, and the events (move, death, first NIK). */
export function useUpdatePerson(id: string) {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: (body: UpdatePersonBody) => api.send<PersonDetail>("PATCH", personPath(id), body),
    onSuccess: refresh,
  });
}

export function useAddPpks() {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: ({ personId, body }: { personId: string; body: CreatePpksInput }) =>
      api.send<PersonDetail>("POST", `${personPath(personId)}/ppks`, body),
    onSuccess: refresh,
  });
}

/** Classifies the whole household (no member) as PPKS. */
export function useAddHouseholdPpks() {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: ({ householdId, body }: { householdId: string; body: CreatePpksInput }) =>
      api.send<PpksClassification>("POST", `${householdPath(householdId)}/ppks`, body),
    onSuccess: refresh,
  });
}

/**
 * Changes a classification's status or note: through its household when given (the household
 * page, households:write), otherwise directly (the person page, persons:write).
 */
export function useUpdatePpks(householdId?: string) {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePpksInput }) =>
      api.send<PpksClassification>(
        "PATCH",
        householdId
          ? `${householdPath(householdId)}/ppks/${encodeURIComponent(id)}`
          : `/ppks/${encodeURIComponent(id)}`,
        body,
      ),
    onSuccess: refresh,
  });
}

export function useMergeDuplicate() {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: ({ id, keepPersonId, note }: { id: string; keepPersonId: string; note?: string }) =>
      api.send("POST", `/duplicates/${encodeURIComponent(id)}/merge`, { keepPersonId, note }),
    onSuccess: refresh,
  });
}

export function useDismissDuplicate() {
  const refresh = useRefreshRegistry();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) =>
      api.send("POST", `/duplicates/${encodeURIComponent(id)}/dismiss`, { note }),
    onSuccess: refresh,
  });
}
