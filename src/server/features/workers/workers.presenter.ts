import { type Disclosure, presentPhone } from "../../../core/access/privacy.ts";
import type { WorkerDto } from "../../../core/api/workers.schema.ts";
import type { WorkerWithRegion } from "./workers.repository.ts";

/** The fields of a worker that leave the server; the phone is masked in lists. */
export function presentWorker(row: WorkerWithRegion, disclosure: Disclosure): WorkerDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role as WorkerDto["role"],
    regionCode: row.region_code,
    regionName: row.region_name,
    phone: presentPhone(row.phone, disclosure),
    active: row.active === 1,
    updatedAt: row.updated_at,
  };
}
