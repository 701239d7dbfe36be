import { describe, expect, it } from "vitest";
import { heartbeatVerdict } from "@/lib/heartbeats/cadence";
import { heartbeatName } from "@/lib/heartbeats/detect";
import { parseEnv } from "@/lib/env";

const NAMES = parseEnv({}).HEARTBEAT_ALERT_NAMES;
const minutes = (n: number) => n * 60_000;
const at = (m: number) => new Date(Date.UTC(2026, 10, 26, 0, 0) + minutes(m));
const SETTINGS = { missingMinutes: 10, defaultIntervalMinutes: 240 };

describe("heartbeatName", () => {
  it("recognises kube-prometheus' Watchdog and the dead man's switch names by label, whatever the case", () => {
    expect(heartbeatName({ title: "An alert that should always be firing", labels: { alertname: "Watchdog", severity: "none" } }, NAMES)).toBe("Watchdog");
    expect(heartbeatName({ title: "x", labels: { alertname: "deadmansswitch" } }, NAMES)).toBe("deadmansswitch");
    expect(heartbeatName({ title: "DeadMansSnitch", labels: {} }, NAMES)).toBe("DeadMansSnitch");
  });

  it("leaves real alerts alone, including ones that merely mention a watchdog", () => {
    expect(heartbeatName({ title: "Watchdog timer reset on node-7", labels: { alertname: "NodeWatchdogReset" } }, NAMES)).toBeNull();
    expect(heartbeatName({ title: "InfoInhibitor", labels: { alertname: "InfoInhibitor", severity: "none" } }, NAMES)).toBeNull();
    expect(heartbeatName({ title: "checkout 5xx", labels: null }, NAMES)).toBeNull();
  });

  it("follows HEARTBEAT_ALERT_NAMES", () => {
    const names = parseEnv({ HEARTBEAT_ALERT_NAMES: "PipelineCanary, grafana-heartbeat" }).HEARTBEAT_ALERT_NAMES;
    expect(heartbeatName({ title: "Grafana-Heartbeat", labels: {} }, names)).toBe("Grafana-Heartbeat");
    expect(heartbeatName({ title: "x", labels: { alertname: "Watchdog" } }, names)).toBeNull();
  });
});

describe("heartbeatVerdict", () => {
  it("learns the cadence: a 1-minute heartbeat is missing after the 10-minute floor, not before", () => {
    const history = { createdAt: at(0), lastSeenAt: at(60), occurrenceCount: 61 };
    expect(heartbeatVerdict(history, at(69), SETTINGS)).toMatchObject({ expectedIntervalMs: minutes(1), intervalObserved: true, missing: false });
    expect(heartbeatVerdict(history, at(71), SETTINGS)).toMatchObject({ missing: true, silentMs: minutes(11) });
  });

  it("allows three intervals for a slow heartbeat (Alertmanager's default 4 h repeat)", () => {
    const history = { createdAt: at(0), lastSeenAt: at(8 * 60), occurrenceCount: 3 };
    expect(heartbeatVerdict(history, at(8 * 60 + 11 * 60), SETTINGS).missing).toBe(false);
    expect(heartbeatVerdict(history, at(8 * 60 + 12 * 60 + 1), SETTINGS).missing).toBe(true);
  });

  it("assumes the default interval until the heartbeat has repeated once", () => {
    const once = { createdAt: at(0), lastSeenAt: at(0), occurrenceCount: 1 };
    const verdict = heartbeatVerdict(once, at(60), SETTINGS);
    expect(verdict).toMatchObject({ intervalObserved: false, expectedIntervalMs: minutes(240), missingAfterMs: minutes(720), missing: false });
    expect(heartbeatVerdict(once, at(721), SETTINGS).missing).toBe(true);
  });
});
