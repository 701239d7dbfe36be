import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Scenario } from "./scenario-kit";

/** The scenario JSON files, each with its alerts in arrival order (replays need it, whatever the file lists). */
export function loadScenarios(dir: string): Scenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Scenario)
    .map((s) => ({ ...s, alerts: [...s.alerts].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id)) }));
}
