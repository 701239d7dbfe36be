import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cascadingScenarios } from "./scenarios-cascading";
import { concurrentScenarios } from "./scenarios-concurrent";
import { flappingScenarios } from "./scenarios-flapping";
import { hardDevScenarios } from "./scenarios-hard";
import { holdoutScenarios } from "./scenarios-holdout";
import { holdout2Scenarios } from "./scenarios-holdout2";
import { holdout3Scenarios } from "./scenarios-holdout3";
import { holdout4Scenarios } from "./scenarios-holdout4";
import { holdout5Scenarios } from "./scenarios-holdout5";
import { holdout6Scenarios } from "./scenarios-holdout6";
import { deployScenarios, noiseScenarios } from "./scenarios-noise-deploy";
import type { Scenario } from "./scenario-kit";

/** Writes the hand-authored scenarios as JSON (datasets/grouping/scenarios/*.json). Run: npx tsx datasets/grouping/build-scenarios.ts */
export function allScenarios(): Scenario[] {
  const dev = [...cascadingScenarios(), ...flappingScenarios(), ...concurrentScenarios(), ...noiseScenarios(), ...deployScenarios(), ...hardDevScenarios()];
  return [
    ...dev,
    ...holdoutScenarios().map((s) => ({ ...s, split: "holdout" as const })),
    ...holdout2Scenarios().map((s) => ({ ...s, split: "holdout2" as const })),
    ...holdout3Scenarios().map((s) => ({ ...s, split: "holdout3" as const })),
    ...holdout4Scenarios().map((s) => ({ ...s, split: "holdout4" as const })),
    ...holdout5Scenarios().map((s) => ({ ...s, split: "holdout5" as const })),
    ...holdout6Scenarios().map((s) => ({ ...s, split: "holdout6" as const })),
  ];
}

function main() {
  const dir = path.join(import.meta.dirname, "scenarios");
  mkdirSync(dir, { recursive: true });
  const scenarios = allScenarios();
  for (const s of scenarios) writeFileSync(path.join(dir, `${s.id}.json`), JSON.stringify(s, null, 2) + "\n");
  const alerts = scenarios.reduce((n, s) => n + s.alerts.length, 0);
  const incidents = scenarios.reduce((n, s) => n + new Set(s.alerts.map((a) => a.incident)).size, 0);
  console.log(`wrote ${scenarios.length} scenarios (${alerts} alerts, ${incidents} true incidents) to ${dir}`);
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) main();
