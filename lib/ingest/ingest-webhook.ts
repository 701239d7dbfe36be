import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { emitAlertsReceived } from "./alert-events";
import { derivedDeliveryId, normalizeDeliveryId } from "./delivery-id";
import { parseJsonPreservingBigInts } from "./parse-helpers";
import { getAdapter, knownSources } from "./sources";
import { storeAlerts, storeUnmapped, type StoreResult } from "./store";
import type { ParseResult } from "./adapter";
import type { WebhookRequest } from "./types";

/**
 * One webhook request, start to finish: size limit → authenticate → JSON → adapter parse → store, and
 * alert/received to emit after the response. Rejections throw ApiError (rendered as JSON by the route);
 * anything stored is answered 202 before processing, which happens later.
 */

export interface IngestResponse {
  status: number;
  body: Record<string, unknown>;
  /**
   * Work to run once the response is sent (emitting alert/received): the alerts are already stored,
   * so a platform's webhook never waits on the event backend.
   */
  afterResponse?: () => Promise<void>;
}

function logIngest(level: "info" | "warn", message: string, fields: Record<string, unknown>) {
  const line = JSON.stringify({ level, msg: message, ...fields });
  if (level === "warn") console.warn(line);
  else if (env().LOG_LEVEL === "debug") console.log(line);
}

/** Reads at most `limit` bytes; a larger body is refused (413) without buffering the rest. */
export async function readBodyLimited(request: Request, limit: number): Promise<string> {
  const tooLarge = () =>
    new ApiError(413, "payload_too_large", `Request body exceeds WEBHOOK_MAX_BODY_BYTES (${limit} bytes)`, { limitBytes: limit });
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}

function parseBody(rawBody: string): unknown {
  if (rawBody.trim() === "") throw new ApiError(400, "empty_body", "Request body is empty; expected a JSON document");
  try {
    return parseJsonPreservingBigInts(rawBody);
  } catch (error) {
    throw new ApiError(400, "invalid_json", `Request body is not valid JSON: ${(error as Error).message}`);
  }
}

async function safeParse(parse: () => ParseResult | Promise<ParseResult>): Promise<ParseResult> {
  try {
    return await parse();
  } catch (error) {
    // An adapter bug must not lose the payload: keep it raw as unmapped.
    return { kind: "unmapped", reason: `adapter error: ${(error as Error)?.message ?? String(error)}` };
  }
}

export async function ingestWebhook(sourceParam: string, request: Request): Promise<IngestResponse> {
  const receivedAt = new Date();
  const adapter = getAdapter(sourceParam);
  if (!adapter) {
    throw new ApiError(404, "unknown_source", `Unknown webhook source "${sourceParam}"`, { knownSources: knownSources() });
  }
  const settings = env();
  // A leading BOM is not JSON; signatures are computed over the bytes as sent, so strip only for parsing.
  const received = await readBodyLimited(request, settings.WEBHOOK_MAX_BODY_BYTES);
  const req: WebhookRequest = { rawBody: received, headers: request.headers, url: new URL(request.url) };

  const verified = await adapter.verify(req, settings);
  if (!verified.ok) {
    logIngest("warn", "webhook rejected", { source: adapter.source, status: verified.status, reason: verified.reason });
    throw new ApiError(verified.status, verified.status === 401 ? "unauthorized" : "forbidden", verified.reason);
  }

  const rawBody = received.charCodeAt(0) === 0xfeff ? received.slice(1) : received;
  const body = parseBody(rawBody);
  const parsed = await safeParse(() => adapter.parse(body, req));

  if (parsed.kind === "control") {
    if (parsed.action) await parsed.action();
    return { status: parsed.status, body: parsed.body };
  }

  const deliveryId = normalizeDeliveryId(adapter.deliveryId?.(req, body)) ?? derivedDeliveryId(rawBody, receivedAt);
  let result: StoreResult;
  let unmappedReason: string | undefined;
  try {
    if (parsed.kind === "alerts" && parsed.alerts.length > 0) {
      result = await storeAlerts({ source: adapter.source, deliveryId, rawBody, receivedAt, alerts: parsed.alerts });
    } else {
      unmappedReason = parsed.kind === "unmapped" ? parsed.reason : "the payload carries no alerts";
      result = await storeUnmapped({ source: adapter.source, deliveryId, rawBody, receivedAt, reason: unmappedReason });
      logIngest("warn", "webhook payload kept as unmapped", { source: adapter.source, deliveryId, reason: unmappedReason });
    }
  } catch (error) {
    // Nothing was stored: a 503 with Retry-After makes the platform deliver it again later.
    console.error(JSON.stringify({ level: "error", msg: "webhook could not be stored", source: adapter.source, deliveryId, error: String(error) }));
    throw new ApiError(503, "storage_unavailable", "The alert could not be stored right now; retry the delivery", undefined, { "Retry-After": "10" });
  }

  const changedIds = result.changedIds;

  logIngest("info", "webhook stored", { source: adapter.source, deliveryId, duplicate: result.duplicate, alerts: result.alertIds.length });
  return {
    status: 202,
    body: {
      accepted: true,
      source: adapter.source,
      deliveryId,
      duplicate: result.duplicate,
      alertIds: result.alertIds,
      created: result.created,
      updated: result.updated,
      resolved: result.resolved,
      ...(unmappedReason ? { unmapped: true, reason: unmappedReason } : {}),
    },
    afterResponse: changedIds.length > 0 ? () => emitAlertsReceived(changedIds) : undefined,
  };
}
