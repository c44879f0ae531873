/**
 * PSKS organisations of a region through TanStack Query: the kinds, one page of a region's
 * organisations, and register/edit/delete (each refreshes the lists).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  createPsksBody,
  psksKindListResponse,
  psksListResponse,
  psksSchema,
  updatePsksBody,
} from "../../../core/api/registry.schema.ts";
import { api } from "../../api/api.ts";

export type Psks = z.infer<typeof psksSchema>;
export type PsksInput = z.input<typeof createPsksBody>;
export type PsksChange = z.input<typeof updatePsksBody>;
type PsksList = z.infer<typeof psksListResponse>;
type PsksKindList = z.infer<typeof psksKindListResponse>;

export const PSKS_PAGE_SIZE = 20;

const psksKeys = {
  all: ["psks"] as const,
  kinds: ["psks-kinds"] as const,
  list: (region: string, page: number) => ["psks", "list", region, page] as const,
};

export function usePsksKinds() {
  return useQuery({
    queryKey: psksKeys.kinds,
    queryFn: ({ signal }) => api.get<PsksKindList>("/psks-kinds", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * One page of the organisations serving `region`: its own and those of the regions within it,
 * then those registered for the regions above it (its kecamatan's, city's), which serve it too.
 */
export function usePsksList(region: string, page: number) {
  const search = new URLSearchParams({
    region,
    above: "true",
    limit: String(PSKS_PAGE_SIZE),
    offset: String((page - 1) * PSKS_PAGE_SIZE),
  });
  return useQuery({
    queryKey: psksKeys.list(region, page),
    queryFn: ({ signal }) => api.get<PsksList>(`/psks?${search.toString()}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: psksKeys.all });
}

const psksPath = (id: string) => `/psks/${encodeURIComponent(id)}`;

export function useCreatePsks() {
  const onSuccess = useRefresh();
  return useMutation({ mutationFn: (body: PsksInput) => api.send<Psks>("POST", "/psks", body), onSuccess });
}

export function useUpdatePsks() {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PsksChange }) =>
      api.send<Psks>("PATCH", psksPath(id), body),
    onSuccess,
  });
}

export function useDeletePsks() {
  const onSuccess = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.send("DELETE", psksPath(id)), onSuccess });
}
