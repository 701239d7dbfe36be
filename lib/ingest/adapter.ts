import type { Env } from "@/lib/env";
import type { NormalizedAlert, SourceName, VerifyResult, WebhookRequest } from "./types";

/**
 * What an adapter makes of a verified, JSON-parsed body:
 * - alerts: the normalized alerts it carries (one or many);
 * - unmapped: valid JSON it cannot map; the raw body is still stored, marked unmapped, never dropped;
 * - control: a platform handshake that carries no alert (SNS SubscriptionConfirmation, a ping), answered
 *   with `status` and `body`.
 */
export type ParseResult =
  | { kind: "alerts"; alerts: NormalizedAlert[] }
  | { kind: "unmapped"; reason: string }
  | { kind: "control"; status: number; body: Record<string, unknown>; action?: () => Promise<void> };

/** One per platform, in lib/ingest/sources/<source>.ts. */
export interface SourceAdapter {
  source: SourceName;
  /** Authenticates the request with the platform's own scheme (or a bearer/basic credential). */
  verify(req: WebhookRequest, env: Env): VerifyResult | Promise<VerifyResult>;
  /** Maps the parsed JSON body. Must not throw for valid JSON: return `unmapped` instead. */
  parse(body: unknown, req: WebhookRequest): ParseResult | Promise<ParseResult>;
  /**
   * The platform's id of this delivery (a retry carries the same one), from headers or body.
   * Undefined → the store derives one from a hash of the raw body.
   */
  deliveryId?(req: WebhookRequest, body: unknown): string | undefined;
}
