import { describe, expect, it } from "vitest";
import { fingerprintBaseline, timeWindowBaseline } from "@/datasets/grouping/baselines";
import type { Scenario, ScenarioAlert } from "@/datasets/grouping/scenario-kit";

const alert = (id: string, minute: number, fingerprint: string, groupKey: string | null = null): ScenarioAlert => ({
  id,
  incident: "x",
  source: "datadog",
  title: id,
  message: "",
  labels: {},
  entities: { service: null, environment: "prod", region: null, errorCode: null },
  severity: "high",
  timestamp: new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString(),
  resolvedAt: null,
  groupKey,
  fingerprint,
});
const scenario = (alerts: ScenarioAlert[]): Scenario => ({ id: "s", family: "noise", split: "dev", title: "", story: "", alerts });

describe("grouping baselines", () => {
  it("time window: chains alerts whose gap to the previous one is at most the window", () => {
    const out = timeWindowBaseline(scenario([alert("a", 0, "1"), alert("b", 8, "2"), alert("c", 16, "3"), alert("d", 30, "4")]), 10);
    expect(out.get("a")).toBe(out.get("c"));
    expect(out.get("d")).not.toBe(out.get("c"));
  });

  it("fingerprint/group key: joins transitively through either key, nothing else", () => {
    const out = fingerprintBaseline(
      scenario([alert("a", 0, "fp1", "g1"), alert("b", 1, "fp2", "g1"), alert("c", 50, "fp2"), alert("d", 2, "fp3")]),
    );
    expect(out.get("a")).toBe(out.get("b"));
    expect(out.get("b")).toBe(out.get("c"));
    expect(out.get("d")).not.toBe(out.get("a"));
  });
});
