import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/ml/catalog";
import { firstLookHints } from "@/lib/ml/summarize/first-look";
import { offlineSummary } from "@/lib/ml/summarize/offline-summarizer";
import { buildSummaryPrompt } from "@/lib/ml/summarize/prompt";
import type { SummaryInput } from "@/lib/ml/types";

const t0 = new Date("2026-11-25T14:02:00Z");
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

function input(): SummaryInput {
  const base = { source: "sentry", status: "firing" as const, environment: "production", region: "eu-west-1", occurrenceCount: 1 };
  return {
    incident: { number: 7, title: "Ledger deadlocks and payment failures", status: "open", severity: "critical", affectedServices: ["payments-api", "ledger-service"], environments: ["production"], firstAlertAt: t0, lastAlertAt: at(12), alertCount: 3 },
    alerts: [
      { ...base, title: "DeadlockDetected: ORA-00060", message: "deadlock detected while waiting for resource", severity: "high", service: "ledger-service", errorCode: "ORA-00060", occurredAt: t0, occurrenceCount: 41 },
      { ...base, title: "payments-api 5xx above 20%", message: "charges failing", severity: "critical", service: "payments-api", errorCode: "HTTP 503", occurredAt: at(4) },
      { ...base, title: "payments-api latency", message: "p99 4s", severity: "medium", service: "payments-api", errorCode: null, status: "resolved", occurredAt: at(12) },
    ],
    timeline: [
      { type: "opened", actor: "opsrelay", message: "incident opened", at: t0 },
      { type: "deploy", actor: "ci-runners", message: "ledger-service v2.31.0 deployed", at: at(-3) },
      { type: "acknowledged", actor: "alice", message: null, at: at(6) },
    ],
  };
}

describe("offline summary", () => {
  const text = offlineSummary(input(), loadCatalog(), at(30));

  it("says what, where, since when and how bad", () => {
    expect(text).toMatch(/^CRITICAL incident #7: Ledger deadlocks and payment failures, affecting payments-api, ledger-service in production \(eu-west-1\)\./);
    expect(text).toContain("Ongoing: started 2026-11-25 14:02 UTC (30 min ago); 3 alerts, 2 still firing");
  });

  it("lists what is failing, most repeated first, and the error codes", () => {
    const failing = text.split("What is failing:")[1];
    expect(failing.indexOf("DeadlockDetected")).toBeLessThan(failing.indexOf("payments-api 5xx"));
    expect(text).toContain("×41");
    expect(text).toContain("Error codes seen: ORA-00060, HTTP 503.");
  });

  it("shows the recent timeline including what changed", () => {
    expect(text).toMatch(/13:59 UTC deploy: ledger-service v2.31.0 deployed \(ci-runners\)/);
  });

  it("suggests a first look from the catalog's dependencies and the error codes", () => {
    const look = text.split("Suggested first look:")[1];
    expect(look).toMatch(/ledger-service: other affected services depend on it/);
    expect(look).toMatch(/deadlock/);
  });

  it("copes with an incident that has no services or timeline", () => {
    const bare = input();
    bare.incident.affectedServices = [];
    bare.alerts = bare.alerts.map((a) => ({ ...a, service: null, region: null, errorCode: null }));
    bare.timeline = [];
    const t = offlineSummary(bare, undefined, at(5));
    expect(t).toContain("affecting an unidentified service in production");
    expect(t).not.toContain("Recent timeline");
  });
});

describe("hosted summary prompt", () => {
  it("caps alerts and message length, keeping distinct titles", () => {
    const i = input();
    i.alerts = Array.from({ length: 100 }, (_, n) => ({ ...i.alerts[n % 3], title: n < 3 ? i.alerts[n].title : `repeat ${n % 2}`, message: "m".repeat(5000), occurredAt: at(n) }));
    const p = buildSummaryPrompt(i);
    expect(p).toContain("Alerts (15 of 100, 85 omitted)");
    expect(p).toContain("DeadlockDetected");
    expect(p.length).toBeLessThan(8000);
  });
});

describe("firstLookHints", () => {
  it("tells a database replica's lag from a queue backlog", () => {
    expect(firstLookHints("payments-db replication lag 45s: replica payments-db-2 behind primary")).toEqual([
      "replication lag: check the replica's apply rate, long queries holding it back and the primary's write volume",
    ]);
    expect(firstLookHints("kafka consumer group route-planner lag 120k messages")).toEqual([
      "growing backlog: check consumer health and throughput versus producer rate",
    ]);
  });
});
