/**
 * Poverty data for the pages through TanStack Query: indicator sets, a household's assessments,
 * the analysis of a region and period, and the poor-household list. Types come from the shared
 * schemas in src/core/api/assessments.schema.ts.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AnalysisDto,
  AssessmentDto,
  CreateAssessmentBody,
  CreateIndicatorSetBody,
  IndicatorSetDto,
  IndicatorSetSummary,
  PoorHouseholdListDto,
} from "../../../core/api/assessments.schema.ts";
import type { IndicatorSetDefinition } from "../../../core/mpi/default-indicator-set.ts";
import { api } from "../../api/api.ts";

export const povertyKeys = {
  all: ["poverty"] as const,
  sets: () => [...povertyKeys.all, "sets"] as const,
  set: (id: string) => [...povertyKeys.all, "set", id] as const,
  history: (householdId: string) => [...povertyKeys.all, "history", householdId] as const,
  analysis: (params: string) => [...povertyKeys.all, "analysis", params] as const,
  poor: (params: string) => [...povertyKeys.all, "poor", params] as const,
};

export function useIndicatorSets() {
  return useQuery({
    queryKey: povertyKeys.sets(),
    queryFn: ({ signal }) => api.get<{ items: IndicatorSetSummary[] }>("/indicator-sets", { signal }),
  });
}

export type LoadedSet = Omit<IndicatorSetDto, "definition"> & { definition: IndicatorSetDefinition };

export function useIndicatorSet(id: string | undefined) {
  return useQuery({
    enabled: id !== undefined,
    queryKey: povertyKeys.set(id ?? ""),
    queryFn: ({ signal }) => api.get<LoadedSet>(`/indicator-sets/${id}`, { signal }),
  });
}

/** The set a new assessment uses: the newest version of the default set (code ikm-peduli). */
export function useCurrentSet() {
  const sets = useIndicatorSets();
  const current = sets.data?.items.find((s) => s.code === "ikm-peduli") ?? sets.data?.items[0];
  const set = useIndicatorSet(current?.id);
  return { sets, set };
}

export function useAssessments(householdId: string) {
  return useQuery({
    queryKey: povertyKeys.history(householdId),
    queryFn: ({ signal }) =>
      api.get<{ items: AssessmentDto[] }>(`/households/${householdId}/assessments`, { signal }),
  });
}

export function useCreateAssessment(householdId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssessmentBody) =>
      api.send<AssessmentDto>("POST", `/households/${householdId}/assessments`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: povertyKeys.all }),
  });
}

export function useCreateIndicatorSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIndicatorSetBody) => api.send<IndicatorSetDto>("POST", "/indicator-sets", body),
    onSuccess: () => client.invalidateQueries({ queryKey: povertyKeys.all }),
  });
}

export function useAnalysis(params: URLSearchParams) {
  const query = params.toString();
  return useQuery({
    queryKey: povertyKeys.analysis(query),
    queryFn: ({ signal }) => api.get<AnalysisDto>(`/poverty/analysis?${query}`, { signal }),
  });
}

export function usePoorHouseholds(params: URLSearchParams) {
  const query = params.toString();
  return useQuery({
    queryKey: povertyKeys.poor(query),
    queryFn: ({ signal }) => api.get<PoorHouseholdListDto>(`/poverty/poor-households?${query}`, { signal }),
  });
}

/** 0.1234 → "12,3 %" (or "12.3 %"). */
export function percent(value: number, language: string): string {
  return `${(value * 100).toLocaleString(language === "id" ? "id-ID" : "en-GB", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  })} %`;
}

export function decimal(value: number, language: string, digits = 3): string {
  return value.toLocaleString(language === "id" ? "id-ID" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
