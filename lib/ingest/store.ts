import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { truncate } from "./parse-helpers";
import { runStatement, type Statement } from "./statement";
import type { NormalizedAlert, SourceName } from "./types";

const MAX_TITLE = 500;
const MAX_MESSAGE = 10_000;

/**
 * Stores one webhook delivery and its alerts in one SQL statement, idempotently and race-free:
 * 1. resolved notifications with no alert under their external id resolve the firing alerts of the same
 *    fingerprint;
 * 2. one multi-row upsert on (source, external_id): a new alert is inserted, a repeat of a firing alert
 *    bumps occurrence_count/last_seen_at, a resolved notification resolves it, a later firing reopens it;
 * 3. the delivery row (source, delivery_id) with the alert ids and, once, the raw body the new alerts
 *    point at: a retry of a delivery already stored (or being stored concurrently) hits its unique key,
 *    rolls the statement back and is answered with the ids the first one stored.
 * One round trip per request, whatever the number of alerts.
 */

export interface StoreInput {
  source: SourceName;
  deliveryId: string;
  /** The request body exactly as received (valid JSON): stored as JSONB, integers kept exact. */
  rawBody: string;
  receivedAt: Date;
  alerts: NormalizedAlert[];
}

export interface StoreUnmappedInput {
  source: SourceName;
  deliveryId: string;
  rawBody: string;
  receivedAt: Date;
  reason: string;
}

export interface StoreResult {
  /** True when this delivery was stored before: nothing changed. */
  duplicate: boolean;
  /** Every alert this delivery touched (for a duplicate: the ones the first delivery touched). */
  alertIds: string[];
  created: number;
  /** Repeats of a known alert (occurrence bumped) and status changes of known alerts. */
  updated: number;
  resolved: number;
  /** Alerts the pipeline should look at: new ones and ones whose status changed. */
  changedIds: string[];
}

/**
 * JSON text PostgreSQL's jsonb accepts: it rejects the escapes \u0000 and unpaired surrogates
 * (\ud800 alone), which JSON.parse allows; each becomes \ufffd. Escaped backslashes are left alone.
 */
export function pgSafeJson(json: string): string {
  if (!/\\u(?:0000|[dD][89a-fA-F])/.test(json)) return json;
  return json.replace(
    /(?<!\\)((?:\\\\)*)\\u(0000|[dD][89abAB][0-9a-fA-F]{2}(?:\\u[dD][c-fC-F][0-9a-fA-F]{2})?|[dD][c-fC-F][0-9a-fA-F]{2})/g,
    (match, slashes: string, escape: string) => (escape.length === 10 ? match : `${slashes}\\ufffd`),
  );
}

/** One row per external id: a body repeating an alert counts its firing occurrences; the last status wins. */
function mergeByExternalId(alerts: NormalizedAlert[]): { alert: NormalizedAlert; occurrences: number }[] {
  const merged = new Map<string, { alert: NormalizedAlert; occurrences: number }>();
  for (const alert of alerts) {
    const prev = merged.get(alert.externalId);
    const occurrences = (prev?.occurrences ?? 0) + (alert.status === "firing" ? 1 : 0);
    merged.set(alert.externalId, { alert, occurrences: Math.max(occurrences, 1) });
  }
  return [...merged.values()].sort((a, b) => (a.alert.externalId < b.alert.externalId ? -1 : 1));
}

function toRecord({ alert, occurrences }: { alert: NormalizedAlert; occurrences: number }, receivedAt: Date) {
  return {
    external_id: alert.externalId,
    fingerprint: alert.fingerprint,
    group_key: alert.groupKey ?? null,
    status: alert.status,
    // Bounded for the dashboard and triage; the raw payload keeps the full text.
    title: truncate(alert.title, MAX_TITLE),
    message: truncate(alert.message, MAX_MESSAGE),
    url: alert.url ?? null,
    runbook_url: alert.runbookUrl ?? null,
    labels: alert.labels,
    alert_timestamp: alert.occurredAt.toISOString(),
    resolved_at: alert.status === "resolved" ? (alert.resolvedAt ?? receivedAt).toISOString() : null,
    source_severity: alert.sourceSeverity ?? null,
    occurrences,
  };
}

const MAX_ATTEMPTS = 3;

/** Retries the whole transaction on deadlock / serialization failure (concurrent multi-alert upserts). */
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const text = `${(error as { code?: string })?.code ?? ""} ${(error as { message?: string })?.message ?? error}`;
      const retryable = /40P01|40001|deadlock detected|could not serialize/i.test(text);
      if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

interface StoreRow {
  id: string;
  external_id: string;
  status: "firing" | "resolved";
  inserted: boolean;
  previous_status: "firing" | "resolved" | null;
  by_fingerprint: boolean;
}

/** A second identical delivery fails on the deliveries' unique key, rolling its whole statement back. */
function isDuplicateDelivery(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error);
  return /webhook_deliveries_source_delivery_id_key/.test(text) || (/23505/.test(text) && /webhook_deliveries/.test(text));
}

/** The duplicate path: what the first delivery stored (its alert ids were written with it, atomically). */
async function previousDelivery(source: string, deliveryId: string): Promise<StoreResult> {
  const rows = await db().$queryRaw<{ alert_ids: string[] | null }[]>`
    SELECT alert_ids FROM webhook_deliveries WHERE source = ${source} AND delivery_id = ${deliveryId}`;
  return { duplicate: true, alertIds: rows[0]?.alert_ids ?? [], created: 0, updated: 0, resolved: 0, changedIds: [] };
}

/**
 * One statement, so atomic without an interactive transaction (one round trip; also safe on the
 * embedded server's multiplexed connections): resolve-by-fingerprint, upsert, then insert the delivery
 * row with the alert ids. The delivery insert is the idempotency gate: for a delivery already stored
 * (or being stored by a concurrent request, which it waits for) it violates the unique key and the whole
 * statement, occurrence bumps included, rolls back.
 * Parameters: $1 the alerts as a JSON array of records, $2 the raw body, $3 received at, $4 source,
 * $5 the platform's delivery id, $6 the delivery row's id. The raw body is stored once, on the delivery
 * row, when the delivery created an alert; each new alert points at it (first_delivery_id) and shows it
 * as its raw payload. A repeat keeps pointing at the delivery that first carried the alert.
 * Resolution by fingerprint never touches rows the upsert touches (one statement must not modify a row
 * twice); a stale firing notification (older than the recorded resolution) does not reopen.
 */
/** Resolution by fingerprint (only bodies carrying a resolved notification need it). */
const RESOLVE_BY_FINGERPRINT = `
    -- Driven by the body's resolved alerts (LATERAL … OFFSET 0 keeps the planner from turning the join
    -- around: it cannot size jsonb_to_recordset).
    fp_target AS (
      SELECT DISTINCT ON (t.id) t.id, x.external_id, x.resolved_at
      FROM x CROSS JOIN LATERAL (
        SELECT a.id FROM alerts a
        WHERE a.fingerprint = x.fingerprint AND a.status = 'firing' AND a.source = $4::text
          AND a.external_id NOT IN (SELECT external_id FROM x)
        OFFSET 0) t
      WHERE x.status = 'resolved'
        AND NOT EXISTS (SELECT 1 FROM alerts e WHERE e.source = $4::text AND e.external_id = x.external_id)
    ),
    fp AS (
      UPDATE alerts a
      SET status = 'resolved', resolved_at = COALESCE(ft.resolved_at, $3::timestamptz), last_seen_at = $3::timestamptz
      FROM fp_target ft
      WHERE a.id = ft.id
      RETURNING a.id, a.external_id AS alert_external_id, ft.external_id
    ),`;

/** The same statement's shape without resolutions. */
const NO_RESOLUTIONS = `
    fp AS (SELECT NULL::uuid AS id, NULL::text AS alert_external_id, NULL::text AS external_id WHERE false),`;

function storeAlertsSql(resolutions: string): string {
  return `
    WITH x AS (
      SELECT r.* FROM jsonb_to_recordset($1::jsonb) AS r(
        external_id text, fingerprint text, group_key text, status "AlertStatus", title text, message text,
        url text, runbook_url text, labels jsonb, alert_timestamp timestamptz, resolved_at timestamptz,
        source_severity "Severity", occurrences int)
    ),
${resolutions}    -- One unique-key lookup per alert of the body, never a join over the source's alerts.
    old AS (
      SELECT x.external_id, (SELECT a.status FROM alerts a WHERE a.source = $4::text AND a.external_id = x.external_id) AS status
      FROM x
    ),
    up AS (
      INSERT INTO alerts AS a (id, source, external_id, fingerprint, group_key, status, title, message, url, runbook_url,
        labels, first_delivery_id, alert_timestamp, created_at, last_seen_at, resolved_at, occurrence_count, source_severity)
      SELECT gen_random_uuid(), $4::text, x.external_id, x.fingerprint, x.group_key, x.status, x.title, x.message,
        x.url, x.runbook_url, x.labels, $6::uuid, x.alert_timestamp, $3::timestamptz, $3::timestamptz, x.resolved_at, x.occurrences,
        x.source_severity
      FROM x
      WHERE x.external_id NOT IN (SELECT external_id FROM fp)
      ORDER BY x.external_id
      ON CONFLICT (source, external_id) DO UPDATE SET
        status = CASE
          WHEN EXCLUDED.status = 'resolved' THEN 'resolved'::"AlertStatus"
          WHEN a.status = 'resolved' AND a.resolved_at IS NOT NULL AND EXCLUDED.alert_timestamp < a.resolved_at THEN 'resolved'::"AlertStatus"
          ELSE 'firing'::"AlertStatus" END,
        resolved_at = CASE
          WHEN EXCLUDED.status = 'resolved' THEN COALESCE(a.resolved_at, EXCLUDED.resolved_at)
          WHEN a.status = 'resolved' AND a.resolved_at IS NOT NULL AND EXCLUDED.alert_timestamp < a.resolved_at THEN a.resolved_at
          ELSE NULL END,
        occurrence_count = a.occurrence_count + CASE WHEN EXCLUDED.status = 'firing' THEN EXCLUDED.occurrence_count ELSE 0 END,
        last_seen_at = GREATEST(a.last_seen_at, EXCLUDED.last_seen_at),
        source_severity = COALESCE(EXCLUDED.source_severity, a.source_severity)
      RETURNING a.id, a.external_id, a.status, (a.xmax = 0) AS inserted
    ),
    out AS (
      SELECT up.id::text AS id, up.external_id, up.status::text AS status, up.inserted,
             old.status::text AS previous_status, false AS by_fingerprint
      FROM up LEFT JOIN old ON old.external_id = up.external_id
      UNION ALL
      SELECT fp.id::text, fp.alert_external_id, 'resolved', false, 'firing', true FROM fp
    ),
    d AS (
      INSERT INTO webhook_deliveries (id, source, delivery_id, alert_ids, received_at, payload)
      SELECT $6::uuid, $4::text, $5::text, COALESCE(array_agg(out.id), '{}'), $3::timestamptz,
        CASE WHEN bool_or(out.inserted) THEN $2::jsonb END FROM out
      RETURNING id
    )
    SELECT out.* FROM out`;
}


/**
 * Bodies of firing alerts only (nearly all traffic) run as a prepared statement whose plan is made
 * once per connection: its lookups are unique-key ones that stay right whatever the table size.
 * Bodies with a resolution run unnamed, planned each time for the current table: the fingerprint
 * lookup's plan made while the table was small would scan every alert of the source.
 */
const STORE_FIRING: Statement = { name: "ingest_store_firing_v1", text: storeAlertsSql(NO_RESOLUTIONS) };
const STORE_WITH_RESOLUTIONS: Statement = { text: storeAlertsSql(RESOLVE_BY_FINGERPRINT) };

function storeStatement(input: StoreInput, items: ReturnType<typeof toRecord>[]): Promise<StoreRow[]> {
  const statement = items.some((item) => item.status === "resolved") ? STORE_WITH_RESOLUTIONS : STORE_FIRING;
  return runStatement<StoreRow>(statement, [
    pgSafeJson(JSON.stringify(items)),
    pgSafeJson(input.rawBody),
    input.receivedAt,
    input.source,
    input.deliveryId,
    randomUUID(),
  ]);
}

export async function storeAlerts(input: StoreInput): Promise<StoreResult> {
  const records = mergeByExternalId(input.alerts).map((m) => toRecord(m, input.receivedAt));
  let rows: StoreRow[];
  try {
    rows = await withRetry(() => storeStatement(input, records));
  } catch (error) {
    if (isDuplicateDelivery(error)) return previousDelivery(input.source, input.deliveryId);
    throw error;
  }

  const alertIds: string[] = [];
  const changedIds: string[] = [];
  let created = 0;
  let updated = 0;
  let resolved = 0;
  for (const row of rows) {
    alertIds.push(row.id);
    if (row.by_fingerprint) {
      resolved++;
      changedIds.push(row.id);
    } else if (row.inserted) {
      created++;
      changedIds.push(row.id);
    } else {
      updated++;
      if (row.previous_status !== row.status) changedIds.push(row.id);
      if (row.status === "resolved" && row.previous_status !== "resolved") resolved++;
    }
  }
  return { duplicate: false, alertIds, created, updated, resolved, changedIds };
}

/** $1 source, $2 external id, $3 title, $4 reason, $5 raw body, $6 received at, $7 delivery id, $8 delivery row id. */
const STORE_UNMAPPED: Statement = {
  name: "ingest_store_unmapped_v2",
  text: `
    WITH a AS (
      INSERT INTO alerts AS a (id, source, external_id, fingerprint, status, title, message, first_delivery_id,
        alert_timestamp, created_at, last_seen_at, processing_state, processing_error)
      VALUES (gen_random_uuid(), $1::text, $2::text, $2::text, 'firing', $3::text, $4::text, $8::uuid,
        $6::timestamptz, $6::timestamptz, $6::timestamptz, 'unmapped', $4::text)
      ON CONFLICT (source, external_id) DO UPDATE SET occurrence_count = a.occurrence_count + 1, last_seen_at = EXCLUDED.last_seen_at
      RETURNING a.id::text AS id, (a.xmax = 0) AS inserted
    ),
    d AS (
      INSERT INTO webhook_deliveries (id, source, delivery_id, alert_ids, received_at, payload)
      SELECT $8::uuid, $1::text, $7::text, array_agg(a.id), $6::timestamptz, CASE WHEN bool_or(a.inserted) THEN $5::jsonb END FROM a
      RETURNING id
    )
    SELECT id, inserted FROM a`,
};

/**
 * Valid JSON the adapter could not map: kept raw as an alert in processing_state 'unmapped' (visible on
 * the dashboard, never triaged), so nothing accepted is lost.
 */
export async function storeUnmapped(input: StoreUnmappedInput): Promise<StoreResult> {
  const raw = pgSafeJson(input.rawBody);
  const externalId = `unmapped:${input.deliveryId}`;
  const reason = input.reason.replace(/\u0000/g, "");
  let rows: { id: string; inserted: boolean }[];
  try {
    rows = await withRetry(() =>
      runStatement<{ id: string; inserted: boolean }>(STORE_UNMAPPED, [
        input.source,
        externalId,
        `Unmapped ${input.source} payload`,
        reason,
        raw,
        input.receivedAt,
        input.deliveryId,
        randomUUID(),
      ]),
    );
  } catch (error) {
    if (isDuplicateDelivery(error)) return previousDelivery(input.source, input.deliveryId);
    throw error;
  }
  const ids = rows.map((r) => r.id);
  const created = rows.filter((r) => r.inserted).length;
  return { duplicate: false, alertIds: ids, created, updated: ids.length - created, resolved: 0, changedIds: [] };
}
