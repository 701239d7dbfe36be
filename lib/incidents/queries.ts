import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import { SEVERITIES } from "@/lib/severity";

/**
 * Typed reads for the incident list and detail (API and dashboard). The list uses keyset (cursor)
 * pagination on indexed columns so page 50 costs what page 1 costs, at 10k incidents and beyond.
 */

export const INCIDENT_STATUSES = ["open", "investigating", "resolved"] as const;
export const INCIDENT_SORTS = ["last_alert", "newest", "oldest", "severity"] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

/** Comma-separated query values ("open,investigating") or repeated parameters. */
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean)))
    .pipe(z.array(z.enum(values, { message: `must be one of ${values.join(", ")}` })));

export const incidentListQuerySchema = z.object({
  status: csv(INCIDENT_STATUSES),
  severity: csv(SEVERITIES),
  service: z.string().trim().min(1).optional(),
  environment: z.string().trim().min(1).optional(),
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
  sort: z.enum(INCIDENT_SORTS, { message: `must be one of ${INCIDENT_SORTS.join(", ")}` }).default("last_alert"),
  limit: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1).max(100, "must be at most 100").default(25),
  cursor: z.string().optional(),
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

export class InvalidCursorError extends Error {}

interface Cursor {
  /** The sort key of the last row: ISO time, or severity rank + ISO time. */
  k: (string | number)[];
  id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    if (!Array.isArray(c.k) || typeof c.id !== "string") throw new Error("shape");
    return c;
  } catch {
    throw new InvalidCursorError("cursor is not one this API returned");
  }
}

export const incidentListSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  severity: true,
  affectedServices: true,
  environments: true,
  alertCount: true,
  openAlertCount: true,
  firstAlertAt: true,
  lastAlertAt: true,
  acknowledgedAt: true,
  resolvedAt: true,
  createdAt: true,
  summary: true,
} satisfies Prisma.IncidentSelect;

export type IncidentListItem = Prisma.IncidentGetPayload<{ select: typeof incidentListSelect }>;

function filters(q: IncidentListQuery): Prisma.IncidentWhereInput[] {
  const where: Prisma.IncidentWhereInput[] = [];
  if (q.status.length) where.push({ status: { in: q.status } });
  if (q.severity.length) where.push({ severity: { in: q.severity } });
  if (q.service) where.push({ affectedServices: { has: q.service } });
  if (q.environment) where.push({ environments: { has: q.environment } });
  if (q.q) {
    // "INC-42" or "42" finds the incident by number; otherwise title and summary text.
    const number = /^(?:inc-)?(\d{1,9})$/i.exec(q.q)?.[1];
    where.push({
      OR: [
        { title: { contains: q.q, mode: "insensitive" } },
        { summary: { contains: q.q, mode: "insensitive" } },
        { affectedServices: { has: q.q.toLowerCase() } },
        ...(number ? [{ number: Number(number) }] : []),
      ],
    });
  }
  return where;
}

/** Keyset condition "after the cursor row" for the chosen sort (ties broken by id). */
function after(sort: IncidentSort, c: Cursor): Prisma.IncidentWhereInput {
  if (sort === "severity") {
    const [rank, time] = c.k as [number, string];
    const worse = SEVERITIES.slice(rank + 1);
    const at = new Date(time);
    return {
      OR: [
        { severity: { in: [...worse] } },
        { severity: SEVERITIES[rank], lastAlertAt: { lt: at } },
        { severity: SEVERITIES[rank], lastAlertAt: at, id: { lt: c.id } },
      ],
    };
  }
  const field = sort === "last_alert" ? "lastAlertAt" : "createdAt";
  const at = new Date(c.k[0] as string);
  const cmp = sort === "oldest" ? "gt" : "lt";
  return { OR: [{ [field]: { [cmp]: at } }, { [field]: at, id: { [cmp]: c.id } }] };
}

function orderBy(sort: IncidentSort): Prisma.IncidentOrderByWithRelationInput[] {
  switch (sort) {
    case "severity":
      return [{ severity: "asc" }, { lastAlertAt: "desc" }, { id: "desc" }];
    case "newest":
      return [{ createdAt: "desc" }, { id: "desc" }];
    case "oldest":
      return [{ createdAt: "asc" }, { id: "asc" }];
    default:
      return [{ lastAlertAt: "desc" }, { id: "desc" }];
  }
}

function cursorFor(sort: IncidentSort, row: IncidentListItem): Cursor {
  if (sort === "severity") return { k: [SEVERITIES.indexOf(row.severity), row.lastAlertAt.toISOString()], id: row.id };
  if (sort === "last_alert") return { k: [row.lastAlertAt.toISOString()], id: row.id };
  return { k: [row.createdAt.toISOString()], id: row.id };
}

export interface IncidentPage {
  items: IncidentListItem[];
  nextCursor: string | null;
}

export async function listIncidents(query: IncidentListQuery): Promise<IncidentPage> {
  const where = filters(query);
  if (query.cursor) where.push(after(query.sort, decodeCursor(query.cursor)));
  const rows = await db().incident.findMany({
    where: { AND: where },
    orderBy: orderBy(query.sort),
    take: query.limit + 1,
    select: incidentListSelect,
  });
  const items = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit ? encodeCursor(cursorFor(query.sort, items[items.length - 1])) : null;
  return { items, nextCursor };
}

/** Counts per status for the dashboard's tabs (same filters, status ignored). */
export async function countIncidentsByStatus(query: Omit<IncidentListQuery, "status" | "cursor">) {
  const groups = await db().incident.groupBy({
    by: ["status"],
    where: { AND: filters({ ...query, status: [] }) },
    _count: { _all: true },
  });
  const counts = { open: 0, investigating: 0, resolved: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

const alertInIncidentSelect = {
  id: true,
  source: true,
  title: true,
  message: true,
  status: true,
  severity: true,
  sourceSeverity: true,
  serviceName: true,
  environment: true,
  region: true,
  errorCode: true,
  fingerprint: true,
  groupKey: true,
  url: true,
  runbookUrl: true,
  alertTimestamp: true,
  lastSeenAt: true,
  resolvedAt: true,
  occurrenceCount: true,
  groupingReason: true,
  groupingScore: true,
  groupingSignals: true,
  processingState: true,
} satisfies Prisma.AlertSelect;

export const incidentAlertsQuerySchema = z.object({
  status: z.enum(["firing", "resolved"], { message: "must be firing or resolved" }).optional(),
  limit: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1).max(200, "must be at most 200").default(50),
  cursor: z.string().optional(),
});
export type IncidentAlertsQuery = z.infer<typeof incidentAlertsQuerySchema>;

/** An incident's alerts, newest first, by cursor: big incidents (thousands of alerts) page like the list. */
export async function listIncidentAlerts(incidentId: string, query: IncidentAlertsQuery) {
  const where: Prisma.AlertWhereInput[] = [{ incidentId }];
  if (query.status) where.push({ status: query.status });
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const at = new Date(c.k[0] as string);
    if (Number.isNaN(at.getTime())) throw new InvalidCursorError("cursor is not one this API returned");
    where.push({ OR: [{ alertTimestamp: { lt: at } }, { alertTimestamp: at, id: { lt: c.id } }] });
  }
  const rows = await db().alert.findMany({
    where: { AND: where },
    orderBy: [{ alertTimestamp: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: alertInIncidentSelect,
  });
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > query.limit ? encodeCursor({ k: [last.alertTimestamp.toISOString()], id: last.id }) : null;
  return { items, nextCursor };
}

/**
 * One incident with its alerts (newest first) and its timeline (oldest first). A long incident keeps its
 * latest actions: the timeline is the newest `actionLimit` entries, and `_count.actions` tells how many exist.
 */
export async function getIncidentDetail(id: string, opts: { alertLimit?: number; actionLimit?: number } = {}) {
  const incident = await db().incident.findUnique({
    where: { id },
    include: {
      alerts: { orderBy: [{ alertTimestamp: "desc" }, { id: "desc" }], take: opts.alertLimit ?? 200, select: alertInIncidentSelect },
      actions: { orderBy: [{ createdAt: "desc" }, { seq: "desc" }], take: opts.actionLimit ?? 500, omit: { seq: true } },
      _count: { select: { actions: true } },
    },
  });
  if (incident) incident.actions.reverse();
  return incident;
}

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncidentDetail>>>;

export async function incidentExists(id: string): Promise<boolean> {
  return (await db().incident.count({ where: { id } })) > 0;
}

/** Finds an incident by uuid or by its human number ("INC-42" / "42"). */
export async function resolveIncidentId(idOrNumber: string): Promise<string | null> {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrNumber)) return idOrNumber;
  const n = /^(?:inc-)?(\d{1,9})$/i.exec(idOrNumber)?.[1];
  if (!n) return null;
  const row = await db().incident.findUnique({ where: { number: Number(n) }, select: { id: true } });
  return row?.id ?? null;
}
