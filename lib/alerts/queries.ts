import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import { SOURCES } from "@/lib/ingest/types";

/**
 * Typed reads of alerts for the dashboard and the API: a filtered, cursor-paginated list (newest
 * received first) and one alert with its raw payload.
 */

export const PROCESSING_STATES = ["pending", "processing", "processed", "degraded", "failed", "unmapped"] as const;
export const ALERT_STATUSES = ["firing", "resolved"] as const;

export const listAlertsQuerySchema = z.object({
  state: z.enum(PROCESSING_STATES, { message: `must be one of ${PROCESSING_STATES.join(", ")}` }).optional(),
  source: z.enum(SOURCES, { message: `must be one of ${SOURCES.join(", ")}` }).optional(),
  service: z.string().trim().min(1).max(200).optional(),
  status: z.enum(ALERT_STATUSES, { message: "must be firing or resolved" }).optional(),
  incidentId: z.uuid({ message: "must be a UUID" }).optional(),
  limit: z.coerce.number({ message: "must be a number" }).int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export type ListAlertsQuery = z.input<typeof listAlertsQuerySchema>;

const summarySelect = {
  id: true,
  source: true,
  externalId: true,
  fingerprint: true,
  status: true,
  title: true,
  url: true,
  sourceSeverity: true,
  severity: true,
  severityConfidence: true,
  team: true,
  serviceName: true,
  environment: true,
  processingState: true,
  processingError: true,
  occurrenceCount: true,
  alertTimestamp: true,
  createdAt: true,
  lastSeenAt: true,
  resolvedAt: true,
  incidentId: true,
} satisfies Prisma.AlertSelect;

export type AlertSummary = Prisma.AlertGetPayload<{ select: typeof summarySelect }>;

export interface AlertPage {
  items: AlertSummary[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

export class InvalidCursorError extends Error {
  constructor() {
    super("cursor is not valid: pass back the nextCursor of a previous page");
  }
}

/** The cursor is the (created_at, id) of the last item: stable under concurrent inserts. */
function encodeCursor(item: { createdAt: Date; id: string }): string {
  return Buffer.from(`${item.createdAt.toISOString()}|${item.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(id).success) throw new InvalidCursorError();
  return { createdAt, id };
}

export async function listAlerts(query: ListAlertsQuery = {}): Promise<AlertPage> {
  const q = listAlertsQuerySchema.parse(query);
  const where: Prisma.AlertWhereInput = {
    ...(q.state && { processingState: q.state }),
    ...(q.source && { source: q.source }),
    ...(q.status && { status: q.status }),
    ...(q.incidentId && { incidentId: q.incidentId }),
    // Before triage the service is only in the labels the platform sent.
    ...(q.service && { OR: [{ serviceName: q.service }, { labels: { path: ["service"], equals: q.service } }] }),
  };
  const and: Prisma.AlertWhereInput[] = [where];
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    and.push({ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] });
  }
  const rows = await db().alert.findMany({
    where: { AND: and },
    select: summarySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]) : undefined };
}

const detailSelect = {
  ...summarySelect,
  groupKey: true,
  message: true,
  runbookUrl: true,
  labels: true,
  rawPayload: true,
  firstDelivery: { select: { payload: true } },
  teamConfidence: true,
  severityModel: true,
  teamModel: true,
  region: true,
  errorCode: true,
  entities: true,
  entitiesModel: true,
  processingAttempts: true,
  processedAt: true,
  groupingReason: true,
  groupingScore: true,
  groupingSignals: true,
  embeddingModel: true,
  incident: { select: { id: true, number: true, title: true, status: true, severity: true } },
} satisfies Prisma.AlertSelect;

type StoredDetail = Prisma.AlertGetPayload<{ select: typeof detailSelect }>;

export type AlertDetail = Omit<StoredDetail, "firstDelivery" | "rawPayload"> & { rawPayload: Prisma.JsonValue };

/**
 * One alert with everything stored about it, including the raw payload — kept once per webhook
 * delivery (the delivery that first carried the alert) or, for older rows, on the alert; null when unknown.
 */
export async function getAlert(id: string): Promise<AlertDetail | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db().alert.findUnique({ where: { id }, select: detailSelect });
  if (!row) return null;
  const { firstDelivery, rawPayload, ...rest } = row;
  return { ...rest, rawPayload: rawPayload ?? firstDelivery?.payload ?? null };
}
