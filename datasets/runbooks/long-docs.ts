/**
 * The corpus's very long documents, generated from the service catalog: a service reference (one section
 * per team, a table per team, a paragraph per service) and a digest of past incidents (one section per
 * incident). They share vocabulary with the runbooks without being the answer to most questions, as
 * real wikis do.
 */

import type { CatalogService } from "@/lib/ml/catalog";

// The catalog's own service type; every service in the shipped catalog has a description.
type Service = Required<CatalogService>;
interface Team {
  id: string;
  name: string;
  slack: string;
}

export function serviceReference(teams: Team[], services: Service[]): string {
  const out: string[] = [
    "---",
    "title: Service reference",
    "team: platform",
    "tags: [catalog, reference, ownership]",
    "---",
    "# Service reference",
    "",
    "Every production service of Parcelwise, by owning team: tier, aliases people use in chat, and what it depends on.",
    "Tier 1 pages around the clock, tier 2 pages in business hours, tier 3 files a ticket.",
    "",
  ];
  for (const t of teams) {
    const own = services.filter((s) => s.team === t.id);
    out.push(`## ${t.name}`, "", `Channel ${t.slack}. PagerDuty service *${t.name}*.`, "");
    out.push("| Service | Tier | Aliases | Depends on |", "|---|---|---|---|");
    for (const s of own) out.push(`| ${s.name} | ${s.tier} | ${s.aliases.join(", ") || "-"} | ${s.dependsOn.join(", ") || "-"} |`);
    out.push("");
    for (const s of own) {
      const dependents = services.filter((o) => o.dependsOn.includes(s.name)).map((o) => o.name);
      out.push(`### ${s.name}`, "");
      out.push(
        `${s.description}. ${dependents.length ? `Used by ${dependents.join(", ")}; an outage here shows up in their alerts first.` : "No other service calls it directly."} ` +
          `${s.dependsOn.length ? `It needs ${s.dependsOn.join(" and ")} to be healthy.` : ""} Deploys go through Argo CD like every other service; ` +
          `its dashboards are in Grafana under *${s.name} / overview*.`,
        "",
      );
    }
  }
  return out.join("\n");
}

const CAUSES = [
  ["a configuration change rolled out to every pod at once", "rolled back the change and added a canary stage"],
  ["a dependency's connection pool was exhausted during the morning peak", "lowered the pool size per pod and added PgBouncer"],
  ["a certificate expired over the weekend", "renewed it by hand and fixed the renewal job's credentials"],
  ["a consumer crashed on one malformed message and restarted in a loop", "skipped the message after copying it to the dead-letter topic"],
  ["a node ran out of disk because container logs were not rotated", "cleaned the logs and enabled rotation on the node image"],
  ["a memory leak in a new release", "rolled back and fixed the cache that grew without bound"],
  ["the provider throttled us after a batch job started", "stopped the batch job and spread it over the night"],
  ["a failover left clients pointing at the old primary", "restarted the clients and moved them to the pooler address"],
];

export function incidentDigest(services: Service[]): string {
  const out: string[] = [
    "# Incident digest 2026",
    "",
    "Short summaries of this year's SEV-1 and SEV-2 incidents, newest first. The full postmortems are in the",
    "postmortem folder; this digest exists so that on-call engineers can recognise a repeat.",
    "",
  ];
  const tier1 = services.filter((s) => s.tier <= 2);
  for (let i = 0; i < 30; i++) {
    const s = tier1[(i * 7) % tier1.length];
    const [cause, fix] = CAUSES[(i * 3) % CAUSES.length];
    const month = 12 - Math.floor(i / 3);
    const day = 3 + ((i * 11) % 25);
    const minutes = 20 + ((i * 37) % 160);
    const sev = i % 4 === 0 ? "SEV-1" : "SEV-2";
    out.push(`## INC-${2026}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}: ${s.name} degraded`, "");
    out.push(`### Summary`, "", `${sev}, ${minutes} minutes. ${s.description} was degraded because ${cause}.`, "");
    out.push(
      `### Impact`,
      "",
      `${s.dependsOn.length ? `Alerts fired first on ${s.name} and then on services that use it. ` : ""}Customers noticed within ${5 + (i % 10)} minutes; support received ${10 + i * 3} tickets.`,
      "",
    );
    out.push(`### What fixed it`, "", `The on-call engineer ${fix}. Follow-up actions were tracked in Linear and closed within ${2 + (i % 5)} weeks.`, "");
  }
  return out.join("\n");
}
