/**
 * Case data for the pages through TanStack Query: lists, one case and its parts, the catalogues,
 * "Tugas saya" and the reports, and the changes (each one refreshes what it touched). Types come
 * from the shared schemas in src/core/api.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AssignmentDto,
  CaseDto,
  CaseEventDto,
  CaseListQuery,
  CaseReportDto,
  CaseReportQuery,
  CreateCaseBody,
  CreateCaseEventBody,
  categoryListResponse,
  createPlanItemBody,
  createReferralBody,
  createVisitBody,
  planItemSchema,
  ReferralDto,
  serviceListResponse,
  TaskDto,
  UpdateCaseBody,
  updatePlanItemBody,
  updateReferralBody,
  VisitDto,
} from "../../../core/api/cases.schema.ts";
import type { WorkerDto } from "../../../core/api/workers.schema.ts";
import { isWithinRegion, parentRegionCode, regionLevelOf } from "../../../core/region/region-code.ts";
import { api } from "../../api/api.ts";

export type PlanItemDto = z.infer<typeof planItemSchema>;
export type CategoryList = z.infer<typeof categoryListResponse>;
export type ServiceList = z.infer<typeof serviceListResponse>;
export type CreateVisitInput = z.input<typeof createVisitBody>;
export type CreatePlanItemInput = z.input<typeof createPlanItemBody>;
export type CreateReferralInput = z.input<typeof createReferralBody>;
export type UpdateReferralInput = z.input<typeof updateReferralBody>;
export type UpdatePlanItemInput = z.input<typeof updatePlanItemBody>;
export type TaskBucket = "overdue" | "today" | "upcoming";

interface Page<T> {
  items: T[];
  total: number;
}

/** Filters of the case list as the page keeps them (all optional, strings as in the address bar). */
export type CaseFilters = Partial<Pick<CaseListQuery, "region" | "category" | "urgency" | "stage" | "q">> & {
  overdue?: boolean;
  page?: number;
  pageSize?: number;
};

/** The query string of GET /cases for these filters. */
export function caseListSearch(filters: CaseFilters): string {
  const params = new URLSearchParams();
  for (const key of ["region", "category", "urgency", "stage", "q"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.overdue) params.set("overdue", "true");
  params.set("page", String(filters.page ?? 1));
  params.set("pageSize", String(filters.pageSize ?? 20));
  return params.toString();
}

export const caseKeys = {
  all: ["cases"] as const,
  list: (search: string) => [...caseKeys.all, "list", search] as const,
  detail: (id: string) => [...caseKeys.all, "detail", id] as const,
  part: (id: string, part: "events" | "plan" | "referrals" | "visits" | "tasks" | "assignments") =>
    [...caseKeys.all, "detail", id, part] as const,
  tasks: (bucket: TaskBucket) => ["tasks", "me", bucket] as const,
  categories: ["case-categories"] as const,
  services: ["services"] as const,
  report: (search: string) => ["case-reports", search] as const,
};

const path = (id: string) => `/cases/${encodeURIComponent(id)}`;

export function useCases(filters: CaseFilters) {
  const search = caseListSearch(filters);
  return useQuery({
    queryKey: caseKeys.list(search),
    queryFn: ({ signal }) => api.get<Page<CaseDto>>(`/cases?${search}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => api.get<CaseDto>(path(id), { signal }),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: caseKeys.part(id, "events"),
    queryFn: ({ signal }) => api.get<Page<CaseEventDto>>(`${path(id)}/events`, { signal }),
    // The API answers oldest first; the page shows the newest on top.
    select: (page) => [...page.items].reverse(),
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: caseKeys.part(id, "plan"),
    queryFn: ({ signal }) => api.get<Page<PlanItemDto>>(`${path(id)}/plan`, { signal }),
  });
}

export function useReferrals(id: string) {
  return useQuery({
    queryKey: caseKeys.part(id, "referrals"),
    queryFn: ({ signal }) => api.get<Page<ReferralDto>>(`${path(id)}/referrals`, { signal }),
  });
}

export function useVisits(id: string) {
  return useQuery({
    queryKey: caseKeys.part(id, "visits"),
    queryFn: ({ signal }) => api.get<Page<VisitDto>>(`${path(id)}/visits`, { signal }),
  });
}

export function useCaseTasks(id: string) {
  return useQuery({
    queryKey: caseKeys.part(id, "tasks"),
    queryFn: ({ signal }) => api.get<Page<TaskDto>>(`${path(id)}/tasks`, { signal }),
  });
}

/** Who held the case when (newest first as the server sends it). */
export function useCaseAssignments(id: string) {
  return useQuery({
    queryKey: caseKeys.part(id, "assignments"),
    queryFn: ({ signal }) => api.get<Page<AssignmentDto>>(`${path(id)}/assignments`, { signal }),
  });
}

/**
 * Active workers who may hold a case in `regionCode`: the kecamatan's TKSK and the kelurahan's PSM
 * (a worker whose region covers the case's). The server scopes the list to the user and checks again.
 */
export function useAssignableWorkers(regionCode: string, enabled: boolean) {
  const kecamatan = regionLevelOf(regionCode) === "kelurahan" ? parentRegionCode(regionCode) : regionCode;
  return useQuery({
    queryKey: ["workers", "assignable", kecamatan],
    enabled,
    queryFn: ({ signal }) =>
      api.get<Page<WorkerDto>>(
        `/workers?region=${encodeURIComponent(kecamatan ?? regionCode)}&pageSize=500`,
        {
          signal,
        },
      ),
    select: (page) => page.items.filter((w) => w.active && isWithinRegion(regionCode, w.regionCode)),
  });
}

/** "Tugas saya": the logged-in worker's open tasks in one due bucket. */
export function useMyTasks(bucket: TaskBucket, pageSize: number) {
  return useQuery({
    queryKey: [...caseKeys.tasks(bucket), pageSize],
    queryFn: ({ signal }) =>
      api.get<Page<TaskDto>>(`/tasks?assignee=me&status=${bucket}&pageSize=${pageSize}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: caseKeys.categories,
    queryFn: ({ signal }) => api.get<CategoryList>("/case-categories", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useServices() {
  return useQuery({
    queryKey: caseKeys.services,
    queryFn: ({ signal }) => api.get<ServiceList>("/services", { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The query string of the report for a region and report dates (empty parts left out). */
export function reportSearch(query: CaseReportQuery): string {
  const params = new URLSearchParams();
  for (const key of ["region", "from", "to"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function useCaseReport(query: CaseReportQuery) {
  const search = reportSearch(query);
  return useQuery({
    queryKey: caseKeys.report(search),
    queryFn: ({ signal }) => api.get<CaseReportDto>(`/case-reports${search ? `?${search}` : ""}`, { signal }),
  });
}

/** After any change to a case: its page parts, the lists and "Tugas saya" are stale. */
function useRefreshCase(id: string) {
  const client = useQueryClient();
  return async (updated?: CaseDto) => {
    if (updated) client.setQueryData(caseKeys.detail(id), updated);
    await Promise.all([
      client.invalidateQueries({ queryKey: caseKeys.detail(id) }),
      client.invalidateQueries({ queryKey: [...caseKeys.all, "list"] }),
      client.invalidateQueries({ queryKey: ["tasks"] }),
    ]);
  };
}

export function useCreateCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseBody) => api.send<CaseDto>("POST", "/cases", body),
    onSuccess: (created) => {
      client.setQueryData(caseKeys.detail(created.id), created);
      void client.invalidateQueries({ queryKey: [...caseKeys.all, "list"] });
      void client.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}

export function useUpdateCase(id: string) {
  const refresh = useRefreshCase(id);
  return useMutation({
    mutationFn: (body: UpdateCaseBody) => api.send<CaseDto>("PATCH", path(id), body),
    onSuccess: (updated) => refresh(updated),
  });
}

export function useCaseEvent(id: string) {
  const refresh = useRefreshCase(id);
  return useMutation({
    mutationFn: (body: CreateCaseEventBody) =>
      api.send<{ event: CaseEventDto; case: CaseDto }>("POST", `${path(id)}/events`, body),
    onSuccess: (result) => refresh(result.case),
  });
}

export function useAddPlanItem(id: string) {
  const refresh = useRefreshCase(id);
  return useMutation({
    mutationFn: (body: CreatePlanItemInput) => api.send<PlanItemDto>("POST", `${path(id)}/plan`, body),
    onSuccess: () => refresh(),
  });
}

export function useUpdatePlanItem(id: string) {
  const refresh = useRefreshCase(id);
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: UpdatePlanItemInput }) =>
      api.send<PlanItemDto>("PATCH", `${path(id)}/plan/${encodeURIComponent(itemId)}`, body),
    onSuccess: () => refresh(),
  });
}

export function useAddReferral(id: string) {
  const refresh = useRefreshCase(id);
  return useMutation({
    mutationFn: (body: CreateReferralInput) => api.send<ReferralDto>("POST", `${path(id)}/referrals`, body),
    onSuccess: () => refresh(),
  });
}

export function useUpdateReferral(id: string) {
  const refresh = useRefreshCase(id);
  return useMutation({
    mutationFn: ({ referralId, body }: { referralId: string; body: UpdateReferralInput }) =>
      api.send<ReferralDto>("PATCH", `${path(id)}/referrals/${encodeURIComponent(referralId)}`, body),
    onSuccess: () => refresh(),
  });
}

export function useRecordVisit(id: string) {
  const refresh = useRefreshCase(id);
  return useMutation({
    mutationFn: (body: CreateVisitInput) => api.send<VisitDto>("POST", `${path(id)}/visits`, body),
    onSuccess: () => refresh(),
  });
}

export function useCompleteTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (taskId: string) =>
      api.send<TaskDto>("PATCH", `/tasks/${encodeURIComponent(taskId)}`, { status: "done" }),
    onSuccess: (task) => {
      void client.invalidateQueries({ queryKey: ["tasks"] });
      void client.invalidateQueries({ queryKey: caseKeys.detail(task.caseId) });
    },
  });
}

/** The address of a referral letter (a download: the browser sends the session cookie). */
export function referralLetterUrl(caseId: string, referralId: string): string {
  return `/api/v1${path(caseId)}/referrals/${encodeURIComponent(referralId)}/letter.pdf`;
}

/** The address of the report workbook for the same filters as the page. */
export function reportXlsxUrl(query: CaseReportQuery): string {
  const search = reportSearch(query);
  return `/api/v1/case-reports.xlsx${search ? `?${search}` : ""}`;
}
