import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Env } from "@/lib/env";
import type { VerifyResult, WebhookRequest } from "./types";

/**
 * Verification building blocks shared by every source adapter. Adapters combine them:
 *   const missing = requireSecret(env, "SENTRY_CLIENT_SECRET", env.SENTRY_CLIENT_SECRET); if (missing) return missing;
 *   return verifyHmacHeader(...) / verifyToken(...)
 * Failure reasons name what is wrong, never the expected value.
 */

export const VERIFIED: VerifyResult = { ok: true };

export function deny(reason: string): VerifyResult {
  return { ok: false, status: 401, reason };
}

/** HMAC of `payload` as lowercase hex (Sentry, PagerDuty, Grafana). */
export function hmacHex(secret: string, payload: string | Buffer, algorithm = "sha256"): string {
  return createHmac(algorithm, secret).update(payload).digest("hex");
}

export function hmacBase64(secret: string, payload: string | Buffer, algorithm = "sha256"): string {
  return createHmac(algorithm, secret).update(payload).digest("base64");
}

/**
 * Constant-time string comparison. Both sides are hashed first so that neither the content nor the
 * length of the expected value leaks through timing.
 */
export function timingSafeEqualString(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a, "utf8").digest();
  const hb = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/** True when `candidate` equals any of `expected`, checking all of them (no early exit). */
export function matchesAny(candidate: string, expected: readonly string[]): boolean {
  let match = false;
  for (const e of expected) if (timingSafeEqualString(candidate, e)) match = true;
  return match;
}

/**
 * A source without its secret configured: rejected (401) unless OPSRELAY_INSECURE_WEBHOOKS is set.
 * Returns undefined when the secret is present (the caller goes on to verify), else the final result.
 */
export function requireSecret(
  env: Env,
  settingName: string,
  secret: string | readonly string[] | undefined,
): VerifyResult | undefined {
  const configured = Array.isArray(secret) ? secret.length > 0 : Boolean(secret);
  if (configured) return undefined;
  if (env.OPSRELAY_INSECURE_WEBHOOKS) return VERIFIED;
  return deny(`${settingName} is not configured; set it (or OPSRELAY_INSECURE_WEBHOOKS=1 for local development only)`);
}

/** The credential a request presents: `Authorization: Bearer x`, Basic auth's password, or X-OpsRelay-Token. */
export function presentedToken(headers: Headers): string | undefined {
  const authorization = headers.get("authorization")?.trim();
  if (authorization) {
    const [scheme, ...rest] = authorization.split(/\s+/);
    const value = rest.join(" ");
    if (/^bearer$/i.test(scheme) && value) return value;
    if (/^basic$/i.test(scheme) && value) return basicCredentials(value)?.password;
  }
  return headers.get("x-opsrelay-token")?.trim() || undefined;
}

/** Decodes a Basic credential ("user:password" in base64); undefined when malformed. */
export function basicCredentials(encoded: string): { user: string; password: string } | undefined {
  let decoded: string;
  try {
    decoded = Buffer.from(encoded, "base64").toString("utf8");
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function checkBearer(headers: Headers, expected: string): VerifyResult {
  const authorization = headers.get("authorization")?.trim() ?? "";
  const match = /^bearer\s+(.+)$/i.exec(authorization);
  if (!match) return deny("missing bearer token (Authorization: Bearer <token>)");
  return timingSafeEqualString(match[1], expected) ? VERIFIED : deny("invalid bearer token");
}

/** Basic auth; `expectedUser` undefined accepts any user name (platforms often force one). */
export function checkBasic(headers: Headers, expectedPassword: string, expectedUser?: string): VerifyResult {
  const authorization = headers.get("authorization")?.trim() ?? "";
  const match = /^basic\s+(.+)$/i.exec(authorization);
  const credentials = match ? basicCredentials(match[1]) : undefined;
  if (!credentials) return deny("missing basic credentials (Authorization: Basic …)");
  const userOk = expectedUser === undefined || timingSafeEqualString(credentials.user, expectedUser);
  const passwordOk = timingSafeEqualString(credentials.password, expectedPassword);
  return userOk && passwordOk ? VERIFIED : deny("invalid basic credentials");
}

/**
 * Token sources (Datadog, Alertmanager, generic): accepts the configured token as a bearer token, a
 * basic password or an X-OpsRelay-Token header, whichever the platform can send.
 */
export function verifyToken(req: WebhookRequest, env: Env, settingName: string, token: string | undefined): VerifyResult {
  const missing = requireSecret(env, settingName, token);
  if (missing) return missing;
  const presented = presentedToken(req.headers);
  if (!presented) return deny("missing credentials: send Authorization: Bearer <token>, basic auth, or X-OpsRelay-Token");
  return timingSafeEqualString(presented, token!) ? VERIFIED : deny("invalid credentials");
}

/**
 * Checks an HMAC signature header against any of `secrets` (rotation). `signed` is the exact string
 * the platform signed (the raw body, or "timestamp:body"); `signatures` the candidate hex digests the
 * request carries (already stripped of prefixes like "v1=" / "sha256=").
 */
export function verifyHmacSignatures(
  signed: string,
  signatures: readonly string[],
  secrets: readonly string[],
  algorithm = "sha256",
): VerifyResult {
  if (signatures.length === 0) return deny("missing signature");
  let valid = false;
  for (const secret of secrets) {
    const expected = hmacHex(secret, signed, algorithm);
    for (const candidate of signatures) if (timingSafeEqualString(candidate.trim().toLowerCase(), expected)) valid = true;
  }
  return valid ? VERIFIED : deny("signature does not match");
}

/**
 * Replay protection for signed timestamps: the timestamp (unix seconds or ms, or ISO) must be within
 * `windowSeconds` of now, in either direction (clock skew).
 */
export function checkReplayWindow(timestamp: string | number | undefined | null, windowSeconds: number, now = Date.now()): VerifyResult {
  if (timestamp === undefined || timestamp === null || String(timestamp).trim() === "") return deny("missing signed timestamp");
  const text = String(timestamp).trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    ms = n < 1e11 ? n * 1000 : n; // seconds vs milliseconds
  } else {
    ms = Date.parse(text);
  }
  if (!Number.isFinite(ms)) return deny("unreadable signed timestamp");
  if (Math.abs(now - ms) > windowSeconds * 1000) return deny(`timestamp outside the ${windowSeconds}s replay window`);
  return VERIFIED;
}
