import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJsonPreservingBigInts } from "@/lib/ingest/parse-helpers";
import { genericAdapter } from "@/lib/ingest/sources/generic";
import type { WebhookRequest } from "@/lib/ingest/types";

const text = (name: string) => readFileSync(`tests/fixtures/generic/${name}.json`, "utf8");
const request = (rawBody: string, headers: Record<string, string> = {}): WebhookRequest => ({
  rawBody,
  headers: new Headers(headers),
  url: new URL("http://localhost/api/webhooks/generic"),
});
const parse = (name: string) => genericAdapter.parse(parseJsonPreservingBigInts(text(name)), request(text(name)));

describe("generic adapter", () => {
  it("maps a single documented alert object", async () => {
    const result = await parse("single");
    expect(result).toMatchObject({
      kind: "alerts",
      alerts: [
        {
          source: "generic",
          externalId: "nightly-etl-2026-11-25",
          status: "firing",
          title: "Nightly ETL job exceeded its 2h SLA",
          message: "dag=parcel_events_daily task=load_warehouse still running after 2h14m",
          sourceSeverity: "medium",
          url: "https://airflow.parcelwise.io/dags/parcel_events_daily/grid",
          runbookUrl: "https://runbooks.parcelwise.io/data/etl-sla",
          labels: { team: "data", dag: "parcel_events_daily", attempt: "3", service: "etl-pipeline", env: "prod" },
        },
      ],
    });
    if (result.kind === "alerts") expect(result.alerts[0].occurredAt.toISOString()).toBe("2026-11-25T10:00:00.000Z");
  });

  it("maps { alerts: [...] } with tag arrays, severity aliases and a 19-digit numeric id kept exact", async () => {
    const result = await parse("batch");
    expect(result.kind).toBe("alerts");
    if (result.kind !== "alerts") return;
    expect(result.alerts).toHaveLength(3);
    expect(result.alerts.map((a) => a.sourceSeverity)).toEqual(["medium", "high", "high"]);
    expect(result.alerts[0]).toMatchObject({ externalId: "cert-expiry:api.parcelwise.io", fingerprint: "cert-expiry:api.parcelwise.io" });
    expect(result.alerts[1].labels).toMatchObject({ host: "warehouse-gateway-03", mount: "/var/lib/docker", service: "warehouse-gateway" });
    expect(result.alerts[2].externalId).toBe("1234567890123456789");
    // without id/fingerprint the identity is a stable hash: the same alert sent again maps to the same id
    const again = await parse("batch");
    if (again.kind === "alerts") expect(again.alerts[1].externalId).toBe(result.alerts[1].externalId);
  });

  it("maps status resolved (and its synonyms) to a resolution", async () => {
    expect(await parse("resolved")).toMatchObject({ kind: "alerts", alerts: [{ status: "resolved", fingerprint: "cert-expiry:api.parcelwise.io" }] });
    expect(await genericAdapter.parse({ title: "x", status: "OK" }, request(""))).toMatchObject({ alerts: [{ status: "resolved" }] });
  });

  it("names every invalid field and keeps the body unmapped", async () => {
    const result = await parse("invalid");
    expect(result).toMatchObject({ kind: "unmapped" });
    if (result.kind === "unmapped") expect(result.reason).toMatch(/alerts\[1\]\.title/);
    const bad = await genericAdapter.parse({ title: "x", status: "exploded" }, request(""));
    expect(bad).toMatchObject({ kind: "unmapped", reason: expect.stringMatching(/status: must be "firing" or "resolved"/) });
    expect(await genericAdapter.parse("text", request(""))).toMatchObject({ kind: "unmapped" });
    expect(await genericAdapter.parse({ alerts: [] }, request(""))).toMatchObject({ kind: "unmapped" });
  });

  it("takes the delivery id from an Idempotency-Key header when given", () => {
    expect(genericAdapter.deliveryId!(request("{}", { "idempotency-key": "k-1" }), {})).toBe("k-1");
    expect(genericAdapter.deliveryId!(request("{}"), {})).toBeUndefined();
  });
});
