import type { Db } from "@/lib/db";
import type { IncidentStatus } from "@/lib/incidents/lifecycle";

export interface LockedIncident {
  id: string;
  number: number;
  status: IncidentStatus;
  /** Set when a person merged this incident into another: its work lives on there. */
  mergedIntoId: string | null;
  mergedIntoNumber: number | null;
}

/**
 * Locks incident rows FOR UPDATE in id order — every writer locks in that order, so two transactions
 * touching the same incidents wait for each other instead of deadlocking — and says where merged ones went.
 */
export async function lockIncidents(tx: Db, ids: string[]): Promise<LockedIncident[]> {
  const sorted = [...new Set(ids)].sort();
  const rows = await tx.$queryRaw<{ id: string; number: number; status: IncidentStatus; merged_into_id: string | null; merged_into_number: number | null }[]>`
    SELECT i.id, i.number, i.status::text AS status, i.merged_into_id, m.number AS merged_into_number
    FROM incidents i LEFT JOIN incidents m ON m.id = i.merged_into_id
    WHERE i.id = ANY(${sorted}::uuid[]) ORDER BY i.id FOR UPDATE OF i`;
  return rows.map((r) => ({ id: r.id, number: r.number, status: r.status, mergedIntoId: r.merged_into_id, mergedIntoNumber: r.merged_into_number }));
}
