/** Workforce data for the pages, through TanStack Query; types come from the shared API schemas. */
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { workerTrainingSchema } from "../../../core/api/training.schema.ts";
import type { WorkerDto, workerListResponse } from "../../../core/api/workers.schema.ts";
import { api } from "../../api/api.ts";

export type WorkerList = z.infer<typeof workerListResponse>;
export type WorkerTraining = z.infer<typeof workerTrainingSchema>;

export interface WorkerFilters {
  region?: string;
  role?: "tksk" | "psm";
  page: number;
}

export const workerKeys = {
  all: ["workers"] as const,
  list: (search: string) => [...workerKeys.all, "list", search] as const,
  detail: (id: string) => [...workerKeys.all, "detail", id] as const,
  training: (id: string) => [...workerKeys.all, "training", id] as const,
};

/** The query string of GET /workers for these filters. */
export function workerListSearch(filters: WorkerFilters, pageSize: number): string {
  const search = new URLSearchParams();
  if (filters.region) search.set("region", filters.region);
  if (filters.role) search.set("role", filters.role);
  search.set("page", String(filters.page));
  search.set("pageSize", String(pageSize));
  return search.toString();
}

export function useWorkers(filters: WorkerFilters, pageSize: number) {
  const search = workerListSearch(filters, pageSize);
  return useQuery({
    queryKey: workerKeys.list(search),
    queryFn: ({ signal }) => api.get<WorkerList>(`/workers?${search}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

const workerPath = (id: string) => `/workers/${encodeURIComponent(id)}`;

export function useWorker(id: string) {
  return useQuery({
    queryKey: workerKeys.detail(id),
    queryFn: ({ signal }) => api.get<WorkerDto>(workerPath(id), { signal }),
  });
}

export function useWorkerTraining(id: string) {
  return useQuery({
    queryKey: workerKeys.training(id),
    queryFn: ({ signal }) => api.get<WorkerTraining>(`${workerPath(id)}/training`, { signal }),
  });
}
