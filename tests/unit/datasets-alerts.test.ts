import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { parseJsonPreservingBigInts } from "@/lib/ingest/parse-helpers";
import { getAdapter } from "@/lib/ingest/sources";
import { SOURCES } from "@/lib/ingest/types";
import { buildSamples } from "@/datasets/alerts/build-samples";
import { loadCatalog } from "@/datasets/alerts/catalog";
import { FAILURE_STORIES } from "@/datasets/alerts/failure-stories";
import { alertmanagerPayload, datadogPayload } from "@/datasets/alerts/payloads";
import { Rng } from "@/datasets/alerts/rng";
import { sampleAlert, sampleAlerts } from "@/datasets/alerts/sample-alerts";
import { postSamples } from "@/datasets/alerts/post-samples";
import { platformHeaders } from "@/datasets/alerts/sign-request";

/** The generator's payloads must be what the real adapters accept, signed the way --post signs them. */

const env = parseEnv({
  DATADOG_WEBHOOK_TOKEN: "dd-token",
  SENTRY_CLIENT_SECRET: "sentry-secret",
  ALERTMANAGER_WEBHOOK_TOKEN: "am-token",
  GRAFANA_WEBHOOK_SECRET: "grafana-secret",
  GRAFANA_TIMESTAMP_HEADER: "X-Grafana-Alerting-Timestamp",
  PAGERDUTY_WEBHOOK_SECRETS: "pd-old,pd-new",
  GENERIC_WEBHOOK_TOKEN: "generic-token",
  CLOUDWATCH_SNS_VERIFY: "0",
});

describe("sample payload generator", () => {
  const samples = buildSamples({ seed: 42, perSource: 5 });

  it("covers all seven sources with several failure stories each", () => {
    for (const source of SOURCES) {
      const mine = samples.filter((s) => s.source === source);
      expect(mine.length, source).toBeGreaterThanOrEqual(5);
      expect(new Set(mine.map((s) => s.name.replace(/^\d+-|-resolved$/g, ""))).size, source).toBeGreaterThanOrEqual(4);
    }
  });

  it("produces bodies every adapter verifies and maps to alerts", async () => {
    for (const sample of samples) {
      const adapter = getAdapter(sample.source)!;
      const { headers } = platformHeaders(sample.source, sample.body, sample.text, env);
      const req = { rawBody: sample.text, headers: new Headers(headers), url: new URL(`http://localhost/api/webhooks/${sample.source}`) };
      expect(await adapter.verify(req, env), `${sample.source}/${sample.name}`).toEqual({ ok: true });
      const result = await adapter.parse(parseJsonPreservingBigInts(sample.text), req);
      expect(result.kind, `${sample.source}/${sample.name}: ${JSON.stringify(result).slice(0, 200)}`).toBe("alerts");
      if (result.kind !== "alerts") continue;
      const resolved = sample.name.endsWith("-resolved");
      for (const alert of result.alerts) {
        expect(alert.status, `${sample.source}/${sample.name}`).toBe(resolved ? "resolved" : "firing");
        expect(alert.title.length).toBeGreaterThan(5);
        expect(alert.source).toBe(sample.source);
      }
    }
  });

  it("gives a sample and its resolution the same fingerprint", async () => {
    for (const source of SOURCES) {
      const [firing, resolved] = samples.filter((s) => s.source === source && s.name.startsWith("05-"));
      const parse = async (s: typeof firing) => {
        const r = await getAdapter(source)!.parse(parseJsonPreservingBigInts(s.text), {
          rawBody: s.text,
          headers: new Headers(platformHeaders(source, s.body, s.text, env).headers),
          url: new URL("http://localhost"),
        });
        return r.kind === "alerts" ? r.alerts[0] : undefined;
      };
      const [a, b] = [await parse(firing), await parse(resolved)];
      expect(b?.fingerprint, source).toBe(a?.fingerprint);
    }
  });

  it("is deterministic for a seed and differs across seeds", () => {
    const again = buildSamples({ seed: 42, perSource: 5 });
    expect(again.map((s) => s.text)).toEqual(samples.map((s) => s.text));
    const other = buildSamples({ seed: 43, perSource: 5 });
    expect(other.map((s) => s.text)).not.toEqual(samples.map((s) => s.text));
  });

  it("writes Datadog's event id unquoted and beyond 2^53, as Datadog does", () => {
    const text = samples.find((s) => s.source === "datadog")!.text;
    const id = /"id":(\d+)/.exec(text)?.[1];
    expect(id).toBeDefined();
    expect(BigInt(id!)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it("--correlated tells the same failures through every platform, seconds apart", () => {
    const correlated = buildSamples({ seed: 42, perSource: 2, correlated: true });
    const kinds = (source: string) => correlated.filter((s) => s.source === source && !s.name.endsWith("-resolved")).map((s) => s.name);
    for (const source of SOURCES) expect(kinds(source)).toEqual(kinds("datadog"));
    const am = correlated.find((s) => s.source === "alertmanager")!.body as { alerts: { startsAt: string }[] };
    const generic = correlated.find((s) => s.source === "generic")!.body as { timestamp: string | number };
    const genericMs = typeof generic.timestamp === "number" ? generic.timestamp * 1000 : Date.parse(generic.timestamp);
    const gap = genericMs - Date.parse(am.alerts[0].startsAt);
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan(5 * 60_000);
  });

  it("only names services from the Parcelwise catalog", () => {
    const names = new Set(loadCatalog().services.map((s) => s.name));
    for (const alert of sampleAlerts(7, FAILURE_STORIES.length * 3)) expect(names.has(alert.service), alert.service).toBe(true);
  });

  it("exports builders other tests and the benchmark can call directly", () => {
    const alert = sampleAlert(1, 0);
    expect(alertmanagerPayload([alert]).alerts).toHaveLength(1);
    expect(datadogPayload(alert).title).toContain(alert.title);
    expect(new Rng(5).next()).toBe(new Rng(5).next());
  });

  it("reports which secrets are missing instead of sending a credential", () => {
    const s = samples.find((x) => x.source === "sentry")!;
    const { headers, missing } = platformHeaders("sentry", s.body, s.text, parseEnv({}));
    expect(headers["sentry-hook-signature"]).toBeUndefined();
    expect(missing).toEqual(["SENTRY_CLIENT_SECRET"]);
  });

  it("--post sends each sample over HTTP to /api/webhooks/<source> with credentials the adapters accept", async () => {
    // A receiver that authenticates exactly as OpsRelay's adapters do (storage is the ingest route's job).
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const source = /^\/api\/webhooks\/([a-z]+)$/.exec(req.url ?? "")?.[1] ?? "";
        const adapter = getAdapter(source);
        const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]));
        const verdict = adapter ? await adapter.verify({ rawBody: Buffer.concat(chunks).toString("utf8"), headers, url: new URL(`http://x${req.url}`) }, env) : { ok: false, reason: "unknown source" };
        res.writeHead(verdict.ok ? 202 : 401, { "content-type": "application/json" }).end(JSON.stringify(verdict));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const lines: string[] = [];
      const some = buildSamples({ seed: 9, perSource: 1 });
      const summary = await postSamples(some, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, env, (l) => lines.push(l));
      expect(summary).toMatchObject({ sent: some.length, accepted: some.length, failed: [] });
      expect(lines.at(-1)).toMatch(new RegExp(`\\[${some.length}/${some.length}\\] generic/.* → 202`));

      // Without the secrets, the same requests are refused and the run says which settings were missing.
      const refused = await postSamples(some.slice(0, 2), `http://127.0.0.1:${(server.address() as AddressInfo).port}`, parseEnv({}), (l) => lines.push(l));
      expect(refused.accepted).toBe(0);
      expect(lines.some((l) => l.includes("DATADOG_WEBHOOK_TOKEN is not set, so datadog requests go without credentials"))).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
