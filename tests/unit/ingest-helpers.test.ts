import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import {
  checkBasic,
  checkBearer,
  checkReplayWindow,
  hmacHex,
  requireSecret,
  timingSafeEqualString,
  verifyHmacSignatures,
  verifyToken,
} from "@/lib/ingest/auth";
import {
  idString,
  normalizeSeverity,
  parseDate,
  parseJsonPreservingBigInts,
  parseNestedJson,
  pick,
  tagsToLabels,
  toUrl,
} from "@/lib/ingest/parse-helpers";
import { pgSafeJson } from "@/lib/ingest/store";
import type { WebhookRequest } from "@/lib/ingest/types";

const req = (headers: Record<string, string>): WebhookRequest => ({
  rawBody: "{}",
  headers: new Headers(headers),
  url: new URL("http://localhost/api/webhooks/generic"),
});

describe("auth helpers", () => {
  const secure = parseEnv({ GENERIC_WEBHOOK_TOKEN: "s3cret" });
  const insecure = parseEnv({ OPSRELAY_INSECURE_WEBHOOKS: "1" });

  it("computes the HMAC-SHA256 hex digest platforms send (RFC 4231 test case 2)", () => {
    expect(hmacHex("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("compares strings exactly, including length", () => {
    expect(timingSafeEqualString("abc", "abc")).toBe(true);
    expect(timingSafeEqualString("abc", "abd")).toBe(false);
    expect(timingSafeEqualString("abc", "abcd")).toBe(false);
    expect(timingSafeEqualString("", "")).toBe(true);
  });

  it("rejects a source with no secret unless the insecure development flag is set", () => {
    const denied = requireSecret(parseEnv({}), "SENTRY_CLIENT_SECRET", undefined);
    expect(denied).toMatchObject({ ok: false, status: 401 });
    expect(denied && !denied.ok && denied.reason).toMatch(/SENTRY_CLIENT_SECRET is not configured/);
    expect(requireSecret(insecure, "SENTRY_CLIENT_SECRET", undefined)).toEqual({ ok: true });
    expect(requireSecret(parseEnv({}), "PAGERDUTY_WEBHOOK_SECRETS", [])).toMatchObject({ ok: false });
    expect(requireSecret(parseEnv({}), "X", "set")).toBeUndefined();
  });

  it("accepts the token as bearer, basic password or X-OpsRelay-Token, and nothing else", () => {
    const check = (h: Record<string, string>) => verifyToken(req(h), secure, "GENERIC_WEBHOOK_TOKEN", "s3cret").ok;
    expect(check({ authorization: "Bearer s3cret" })).toBe(true);
    expect(check({ authorization: `Basic ${Buffer.from("datadog:s3cret").toString("base64")}` })).toBe(true);
    expect(check({ "x-opsrelay-token": "s3cret" })).toBe(true);
    expect(check({ authorization: "Bearer wrong" })).toBe(false);
    expect(check({ authorization: `Basic ${Buffer.from("s3cret").toString("base64")}` })).toBe(false);
    expect(check({})).toBe(false);
    // the insecure flag does not bypass a configured token
    const both = parseEnv({ GENERIC_WEBHOOK_TOKEN: "s3cret", OPSRELAY_INSECURE_WEBHOOKS: "1" });
    expect(verifyToken(req({}), both, "GENERIC_WEBHOOK_TOKEN", "s3cret").ok).toBe(false);
  });

  it("checks bearer and basic separately", () => {
    expect(checkBearer(new Headers({ authorization: "bearer tok" }), "tok").ok).toBe(true);
    expect(checkBearer(new Headers({ authorization: "Basic dG9rOnRvaw==" }), "tok").ok).toBe(false);
    const basic = `Basic ${Buffer.from("am:pw").toString("base64")}`;
    expect(checkBasic(new Headers({ authorization: basic }), "pw", "am").ok).toBe(true);
    expect(checkBasic(new Headers({ authorization: basic }), "pw", "other").ok).toBe(false);
    expect(checkBasic(new Headers({ authorization: basic }), "pw").ok).toBe(true);
  });

  it("verifies HMAC signatures against any of several secrets (rotation)", () => {
    const body = '{"event":{"id":"1"}}';
    const sig = hmacHex("new-secret", body);
    expect(verifyHmacSignatures(body, [sig], ["old-secret", "new-secret"]).ok).toBe(true);
    expect(verifyHmacSignatures(body, [sig.toUpperCase()], ["new-secret"]).ok).toBe(true);
    expect(verifyHmacSignatures(body + " ", [sig], ["new-secret"]).ok).toBe(false);
    expect(verifyHmacSignatures(body, [], ["new-secret"])).toMatchObject({ ok: false, reason: "missing signature" });
  });

  it("enforces the replay window on signed timestamps (seconds, ms, ISO)", () => {
    const now = Date.UTC(2026, 10, 25, 12, 0, 0);
    expect(checkReplayWindow(String(now / 1000 - 100), 300, now).ok).toBe(true);
    expect(checkReplayWindow(now - 100_000, 300, now).ok).toBe(true);
    expect(checkReplayWindow(new Date(now - 301_000).toISOString(), 300, now).ok).toBe(false);
    expect(checkReplayWindow(String(now / 1000 + 400), 300, now).ok).toBe(false);
    expect(checkReplayWindow(undefined, 300, now).ok).toBe(false);
    expect(checkReplayWindow("yesterday", 300, now).ok).toBe(false);
  });
});

describe("parse helpers", () => {
  it("keeps integers beyond 2^53 exact and leaves strings and floats alone", () => {
    const text = '{"id": 7183398437473470464, "n": -9007199254740993, "s": "12345678901234567890", "f": 1.2345678901234567e3, "small": 42, "arr":[18446744073709551615]}';
    const parsed = parseJsonPreservingBigInts(text) as Record<string, unknown>;
    expect(parsed.id).toBe("7183398437473470464");
    expect(parsed.n).toBe("-9007199254740993");
    expect(parsed.s).toBe("12345678901234567890");
    expect(parsed.f).toBeCloseTo(1234.5678901234567);
    expect(parsed.small).toBe(42);
    expect(parsed.arr).toEqual(["18446744073709551615"]);
    // escaped quotes inside strings don't confuse the scanner
    expect(parseJsonPreservingBigInts('{"a":"x\\"1234567890123456789","b":1234567890123456789}')).toEqual({
      a: 'x"1234567890123456789',
      b: "1234567890123456789",
    });
    expect(() => parseJsonPreservingBigInts("{oops 12345678901234567890")).toThrow(SyntaxError);
  });

  it("turns ids of any type into strings", () => {
    expect(idString(12)).toBe("12");
    expect(idString(" abc ")).toBe("abc");
    expect(idString(1e21)).toBe("1000000000000000000000");
    expect(idString(null)).toBeUndefined();
    expect(idString({})).toBeUndefined();
  });

  it("reads dates from seconds, milliseconds, microseconds, ISO and RFC 2822", () => {
    const iso = "2026-11-25T10:00:00.000Z";
    expect(parseDate(1795600800)?.toISOString()).toBe(new Date(1795600800 * 1000).toISOString());
    expect(parseDate("1795600800000")?.getTime()).toBe(1795600800000);
    expect(parseDate(1795600800000000)?.getTime()).toBe(1795600800000);
    expect(parseDate(iso)?.toISOString()).toBe(iso);
    expect(parseDate("Wed, 25 Nov 2026 10:00:00 GMT")?.toISOString()).toBe(iso);
    expect(parseDate("0001-01-01T00:00:00Z")).toBeUndefined();
    expect(parseDate("not a date")).toBeUndefined();
    expect(parseDate(undefined)).toBeUndefined();
  });

  it("flattens tags from arrays, comma strings, JSON strings and Sentry-style pairs", () => {
    expect(tagsToLabels(["service:checkout-api", "env:prod", "url:https://x/y", "canary"])).toEqual({
      service: "checkout-api",
      env: "prod",
      url: "https://x/y",
      canary: "",
    });
    expect(tagsToLabels("service:api, env:prod,team:payments")).toEqual({ service: "api", env: "prod", team: "payments" });
    expect(tagsToLabels('["env:staging"]')).toEqual({ env: "staging" });
    expect(tagsToLabels([{ key: "level", value: "error" }, ["region", "eu-west-1"]])).toEqual({ level: "error", region: "eu-west-1" });
    expect(tagsToLabels(["az:a", "az:b", "az:a"])).toEqual({ az: "a,b" });
    expect(tagsToLabels({ port: 8080, ok: true })).toEqual({ port: "8080", ok: "true" });
    expect(tagsToLabels(undefined)).toEqual({});
  });

  it("normalizes the severity words platforms use", () => {
    expect(normalizeSeverity("CRITICAL")).toBe("critical");
    expect(normalizeSeverity("P1")).toBe("critical");
    expect(normalizeSeverity("sev-2")).toBe("high");
    expect(normalizeSeverity("error")).toBe("high");
    expect(normalizeSeverity("Warning")).toBe("medium");
    expect(normalizeSeverity("p4")).toBe("low");
    expect(normalizeSeverity("info")).toBe("info");
    expect(normalizeSeverity("banana")).toBeUndefined();
    expect(normalizeSeverity(3)).toBeUndefined();
  });

  it("resolves relative URLs when a base is known and keeps them otherwise", () => {
    expect(toUrl("https://app.datadoghq.com/monitors/1")).toBe("https://app.datadoghq.com/monitors/1");
    expect(toUrl("/alerting/grafana/abc/view", "https://grafana.parcelwise.io")).toBe("https://grafana.parcelwise.io/alerting/grafana/abc/view");
    expect(toUrl("/alerting/list")).toBe("/alerting/list");
    expect(toUrl("")).toBeUndefined();
  });

  it("parses nested JSON strings and looks keys up loosely", () => {
    expect(parseNestedJson('{"a": 1}')).toEqual({ a: 1 });
    expect(parseNestedJson("{not json}")).toBe("{not json}");
    expect(pick({ Alert_ID: 5 }, "alert_id")).toBe(5);
    expect(pick({ "alert-transition": "Triggered" }, "alertTransition")).toBe("Triggered");
    expect(pick({ a: "" }, "a")).toBeUndefined();
  });

  it("makes JSON text acceptable to PostgreSQL jsonb: NUL and unpaired surrogates replaced, pairs and escaped backslashes kept", () => {
    expect(pgSafeJson('{"a":"x\\u0000y"}')).toBe('{"a":"x\\ufffdy"}');
    expect(pgSafeJson('{"a":"\\ud800!"}')).toBe('{"a":"\\ufffd!"}');
    expect(pgSafeJson('{"a":"\\udc00"}')).toBe('{"a":"\\ufffd"}');
    expect(pgSafeJson('{"a":"\\ud83d\\ude00"}')).toBe('{"a":"\\ud83d\\ude00"}');
    expect(pgSafeJson('{"a":"\\\\u0000 literal"}')).toBe('{"a":"\\\\u0000 literal"}');
    const plain = '{"a":"nothing to do"}';
    expect(pgSafeJson(plain)).toBe(plain);
    // the result still parses to the same structure
    expect(JSON.parse(pgSafeJson('{"a":"\\ud800","b":[1]}'))).toEqual({ a: "\ufffd", b: [1] });
  });
});
