/**
 * Writes the Parcelwise runbook corpus to datasets/runbooks/corpus/: one runbook per service of the
 * catalog (common sections + its failure modes; some with front matter, some terse) and the topic
 * runbooks. Deterministic: the same inputs give the same files.  Run: npm run datasets:runbooks
 */
import fs from "node:fs";
import path from "node:path";
import { incidentDigest, serviceReference } from "./long-docs";
import { SERVICE_NOTES } from "./service-notes";
import { TOPIC_DOCS } from "./topic-docs";
import type { CatalogService } from "@/lib/ml/catalog";

// The catalog's own service type; every service in the shipped catalog has a description.
type Service = Required<CatalogService>;
interface Catalog {
  teams: { id: string; name: string; slack: string }[];
  services: Service[];
}

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname));
const catalog = JSON.parse(fs.readFileSync(path.join(root, "../catalog/services.json"), "utf8")) as Catalog;
const outDir = path.join(root, "corpus");

function serviceDoc(s: Service, index: number): string {
  const team = catalog.teams.find((t) => t.id === s.team)!;
  const notes = SERVICE_NOTES[s.name] ?? [];
  const withFrontMatter = index % 3 !== 2;
  const terse = s.tier === 3;
  const lines: string[] = [];
  if (withFrontMatter) {
    lines.push("---", `title: ${s.name} service runbook`, `service: ${s.name}`, `team: ${s.team}`, `tags: [${[s.team, `tier-${s.tier}`].join(", ")}]`, `url: https://wiki.parcelwise.example/runbooks/${s.name}`, "---");
  }
  lines.push(`# ${s.name} service runbook`, "");
  lines.push(`${s.description}. Owned by ${team.name} (${team.slack}); tier ${s.tier}.${s.aliases.length ? ` Also called ${s.aliases.join(", ")}.` : ""}`, "");
  if (!terse) {
    lines.push("## Overview", "");
    lines.push(
      s.dependsOn.length
        ? `${s.name} depends on ${s.dependsOn.join(", ")}. When one of them is degraded, ${s.name} alerts follow; check the dependencies before restarting anything.`
        : `${s.name} has no service dependencies of its own; many services depend on it.`,
      "",
    );
    lines.push("## Dashboards", "");
    lines.push(`- Grafana: *${s.name} / overview* (request rate, errors, latency, saturation)`, `- Logs: \`{namespace="${s.team}", app="${s.name}"}\` in Loki`, "");
  }
  if (notes.length) {
    lines.push("## Alerts", "", "| Alert | Meaning |", "|-------|---------|");
    for (const n of notes) lines.push(`| ${n.alert} | ${n.heading} |`);
    lines.push("");
    lines.push("## Common problems", "");
    for (const n of notes) lines.push(`### ${n.heading}`, "", n.body, "");
  }
  if (!terse) {
    lines.push("## Restarting safely", "");
    lines.push(
      `\`kubectl -n ${s.team} rollout restart deploy/${s.name}\` restarts the pods one by one. ${s.tier === 1 ? "Tier 1: tell the incident channel before you restart." : "No announcement needed."}`,
      "",
    );
  }
  lines.push("## Escalation", "", `${team.name} on-call (PagerDuty service *${team.name}*), then ${team.slack}.`, "");
  return lines.join("\n");
}

function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  let count = 0;
  catalog.services.forEach((s, i) => {
    const file = path.join(outDir, "services", s.team, `${s.name}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, serviceDoc(s, i));
    count++;
  });
  const long = [
    { path: "handbook/service-reference.md", content: serviceReference(catalog.teams, catalog.services) },
    { path: "handbook/incident-digest-2026.md", content: incidentDigest(catalog.services) },
  ];
  for (const d of [...TOPIC_DOCS, ...long]) {
    const file = path.join(outDir, d.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, d.content);
    count++;
  }
  console.log(`wrote ${count} runbooks to ${path.relative(process.cwd(), outDir)}`);
}

main();
