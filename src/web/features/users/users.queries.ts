/** Users for the administrator's pages, through TanStack Query. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role } from "../../../core/access/permissions.ts";
import type { UserDto } from "../../../core/api/auth.schema.ts";
import { api } from "../../api/api.ts";

export const userKeys = {
  all: ["users"] as const,
  list: (filter: UserFilter) => [...userKeys.all, "list", filter] as const,
};

export interface UserFilter {
  q: string;
  role: Role | "";
  page: number;
}

export const USER_PAGE_SIZE = 25;

export interface UserWithPassword {
  user: UserDto;
  password: string | null;
}

export function useUsers(filter: UserFilter) {
  const params = new URLSearchParams({ page: String(filter.page), pageSize: String(USER_PAGE_SIZE) });
  if (filter.q.trim()) params.set("q", filter.q.trim());
  if (filter.role) params.set("role", filter.role);
  return useQuery({
    queryKey: userKeys.list(filter),
    queryFn: ({ signal }) => api.get<{ items: UserDto[]; total: number }>(`/users?${params}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

/** A change to users that refreshes the list afterwards. */
function useUserMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      // The account's history (shown beside it) gained an entry.
      await queryClient.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  password?: string;
}

export const useCreateUser = () =>
  useUserMutation((body: NewUser) => api.send<UserWithPassword>("POST", "/users", body));

export interface UserChange {
  role?: Role;
  regionCode?: string | null;
  displayName?: string;
  disabled?: boolean;
  unlock?: true;
}

export const useUpdateUser = () =>
  useUserMutation(({ id, change }: { id: string; change: UserChange }) =>
    api.send<UserDto>("PATCH", `/users/${id}`, change),
  );

export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: string; password?: string }) =>
    api.send<UserWithPassword>("POST", `/users/${id}/reset-password`, password ? { password } : {}),
  );
