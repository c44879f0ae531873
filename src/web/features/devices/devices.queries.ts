/** Offline devices for the administrator's page, through TanStack Query (GET /sync/devices, wipe). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { deviceListResponse, deviceSchema } from "../../../core/api/sync.schema.ts";
import { api } from "../../api/api.ts";

export type DeviceDto = z.infer<typeof deviceSchema>;
type DeviceList = z.infer<typeof deviceListResponse>;

export const deviceKeys = { all: ["devices"] as const };

export function useDevices() {
  return useQuery({
    queryKey: deviceKeys.all,
    queryFn: ({ signal }) => api.get<DeviceList>("/sync/devices", { signal }),
  });
}

/** Asks a device to delete its offline data at its next sync. */
export function useWipeDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.send<DeviceDto>("POST", `/sync/devices/${encodeURIComponent(id)}/wipe`),
    onSuccess: () => client.invalidateQueries({ queryKey: deviceKeys.all }),
  });
}

/** The records a device reported, largest first, without empty tables. */
export function heldCounts(counts: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
