/** Training data for the pages, through TanStack Query; types come from the shared API schemas. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  attemptSchema,
  attendanceRosterSchema,
  checkInCodeSchema,
  cohortDetailSchema,
  cohortReportSchema,
  cohortSchema,
  eligibleWorkerSchema,
  invitationSchema,
  issueResponse,
  itemAnalysisSchema,
  myTrainingSchema,
  programmeDetailSchema,
  programmeSchema,
  questionSchema,
} from "../../../core/api/training.schema.ts";
import type { AttendanceStatus } from "../../../core/training/attendance.ts";
import { api } from "../../api/api.ts";

export type Programme = z.infer<typeof programmeSchema>;
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;
export type Cohort = z.infer<typeof cohortSchema>;
export type CohortDetail = z.infer<typeof cohortDetailSchema>;
export type CohortReport = z.infer<typeof cohortReportSchema>;
export type Roster = z.infer<typeof attendanceRosterSchema>;
export type CheckInCode = z.infer<typeof checkInCodeSchema>;
export type Attempt = z.infer<typeof attemptSchema>;
export type ItemAnalysis = z.infer<typeof itemAnalysisSchema>;
export type MyTraining = z.infer<typeof myTrainingSchema>;
export type Question = z.infer<typeof questionSchema>;

export const trainingKeys = {
  all: ["training"] as const,
  programmes: () => [...trainingKeys.all, "programmes"] as const,
  programme: (id: string) => [...trainingKeys.all, "programme", id] as const,
  questions: (moduleId: string) => [...trainingKeys.all, "questions", moduleId] as const,
  cohorts: () => [...trainingKeys.all, "cohorts"] as const,
  cohort: (id: string) => [...trainingKeys.all, "cohort", id] as const,
  report: (id: string) => [...trainingKeys.all, "report", id] as const,
  roster: (sessionId: string) => [...trainingKeys.all, "roster", sessionId] as const,
  code: (sessionId: string) => [...trainingKeys.all, "code", sessionId] as const,
  analysis: (testId: string) => [...trainingKeys.all, "analysis", testId] as const,
  me: () => [...trainingKeys.all, "me"] as const,
};

/** 403 means "not for this role": such sections are hidden rather than retried. */
const noRetryOnClientError = (count: number, error: unknown) =>
  count < 2 && !((error as { isClientError?: boolean }).isClientError ?? false);

export function useProgrammes(enabled = true) {
  return useQuery({
    enabled,
    queryKey: trainingKeys.programmes(),
    queryFn: ({ signal }) => api.get<{ items: Programme[] }>("/training/programmes", { signal }),
    retry: noRetryOnClientError,
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: trainingKeys.programme(id),
    queryFn: ({ signal }) => api.get<ProgrammeDetail>(`/training/programmes/${id}`, { signal }),
  });
}

export function useQuestions(moduleId: string, enabled: boolean) {
  return useQuery({
    queryKey: trainingKeys.questions(moduleId),
    queryFn: ({ signal }) =>
      api.get<{ items: Question[] }>(`/training/modules/${moduleId}/questions`, { signal }),
    enabled,
  });
}

export function useSetQuestionActive(moduleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.send<Question>("PATCH", `/training/questions/${id}`, { active }),
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.questions(moduleId) }),
  });
}

export function useCohorts(enabled = true) {
  return useQuery({
    enabled,
    queryKey: trainingKeys.cohorts(),
    queryFn: ({ signal }) => api.get<{ items: Cohort[] }>("/training/cohorts", { signal }),
    retry: noRetryOnClientError,
  });
}

export function useCohort(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: trainingKeys.cohort(id),
    queryFn: ({ signal }) => api.get<CohortDetail>(`/training/cohorts/${id}`, { signal }),
    retry: noRetryOnClientError,
  });
}

export function useCohortReport(id: string) {
  return useQuery({
    queryKey: trainingKeys.report(id),
    queryFn: ({ signal }) => api.get<CohortReport>(`/training/cohorts/${id}/report`, { signal }),
  });
}

export function useIssueCertificates(cohortId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.send<z.infer<typeof issueResponse>>("POST", `/training/cohorts/${cohortId}/certificates`),
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function useRoster(sessionId: string) {
  return useQuery({
    queryKey: trainingKeys.roster(sessionId),
    queryFn: ({ signal }) => api.get<Roster>(`/training/sessions/${sessionId}/attendance`, { signal }),
  });
}

export function useMarkAttendance(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entries: { enrolmentId: string; status: AttendanceStatus }[]) =>
      api.send<Roster>("PUT", `/training/sessions/${sessionId}/attendance`, { entries }),
    onSuccess: (roster) => client.setQueryData(trainingKeys.roster(sessionId), roster),
  });
}

export function useCheckInCode(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: trainingKeys.code(sessionId),
    queryFn: ({ signal }) =>
      api.get<CheckInCode>(`/training/sessions/${sessionId}/check-in-code`, { signal }),
    enabled,
  });
}

export function useItemAnalysis(testId: string) {
  return useQuery({
    queryKey: trainingKeys.analysis(testId),
    queryFn: ({ signal }) => api.get<ItemAnalysis>(`/training/tests/${testId}/item-analysis`, { signal }),
  });
}

export function useMyTraining() {
  return useQuery({
    queryKey: trainingKeys.me(),
    queryFn: ({ signal }) => api.get<MyTraining>("/training/me", { signal }),
  });
}

export type EligibleWorker = z.infer<typeof eligibleWorkerSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type Session = CohortDetail["sessions"][number];

/** Who was invited to a cohort (withdrawn participants too) and what each must attend. */
export function useInvitations(cohortId: string) {
  return useQuery({
    queryKey: [...trainingKeys.cohort(cohortId), "invitations"],
    queryFn: ({ signal }) =>
      api.get<{ items: Invitation[] }>(`/training/cohorts/${cohortId}/invitations`, { signal }),
  });
}

export function useEligibleWorkers(cohortId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...trainingKeys.cohort(cohortId), "eligible"],
    queryFn: ({ signal }) =>
      api.get<{ items: EligibleWorker[] }>(`/training/cohorts/${cohortId}/eligible-workers`, { signal }),
    enabled,
  });
}

/** A change to training data; every cached training answer is refreshed afterwards. */
export function useTrainingChange<T = unknown>() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      method,
      path,
      body,
    }: {
      method: "POST" | "PUT" | "PATCH" | "DELETE";
      path: string;
      body?: unknown;
    }) => api.send<T>(method, path, body),
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}
