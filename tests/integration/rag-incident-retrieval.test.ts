import { beforeAll, describe, expect, it } from "vitest";
import { ingestRunbook } from "@/lib/rag/ingest";
import { alertQueryText } from "@/lib/rag/incident-query";
import { retrieve } from "@/lib/rag/retrieve";
import { resetDatabase } from "../helpers/db";

// Service runbooks written from one template, and a catalog page naming every service: the shapes that
// made an alert's runbook open on its "Alerts" table or "Dashboards" instead of the section with the fix.
const SERVICES: [string, string, string, string][] = [
  ["kafka", "KafkaUnderReplicatedPartitions", "Under-replicated partitions", "A broker is down or slow. Check broker pods and their disks; replicas catch up by themselves, do not reassign partitions during an incident."],
  ["redis-cache", "RedisMemoryHigh", "Memory full", "Find big keys with redis-cli --bigkeys and ask the owner to add a TTL."],
  ["payments-api", "PaymentsDeclineRateHigh", "Card charges declined", "Check the PSP status page and switch to the secondary PSP."],
  ["search-cluster", "SearchClusterRed", "Cluster red", "Read the allocation explanation; delete old indices when the disk watermark is exceeded."],
  ["dispatch-service", "DispatchUnassignedParcels", "Parcels not assigned", "Check the dispatch consumer group lag on parcel-events."],
  ["geo-service", "GeoProviderThrottled", "Geocoding failures", "Stop batch re-geocoding jobs; ask the provider for a temporary increase."],
];

const serviceRunbook = ([service, alert, problem, fix]: (typeof SERVICES)[number]) => `---
title: ${service} service runbook
service: ${service}
---
# ${service} service runbook

${service} is tier 1. Owned by the platform team.

## Overview

${service} is used by other services; an outage here shows up in their alerts first.

## Dashboards

- Grafana: *${service} / overview* (request rate, errors, latency, saturation)

## Alerts

| Alert | Meaning |
|-------|---------|
| ${alert} | ${problem} |

## Common problems

### ${problem}

${fix}

## Escalation

Page the ${service} on-call, then the owning team's channel.
`;

const CATALOG = `# Service reference

${SERVICES.map(([s]) => `## ${s}\n\n${s} depends on kafka and redis-cache. Its dashboards are in Grafana under *${s} / overview*; alerts page its on-call.`).join("\n\n")}
`;

describe("alert-driven retrieval", () => {
  beforeAll(async () => {
    await resetDatabase();
    for (const s of SERVICES) await ingestRunbook({ sourcePath: `services/${s[0]}.md`, content: serviceRunbook(s) });
    await ingestRunbook({ sourcePath: "handbook/service-reference.md", content: CATALOG });
  });

  it("opens an alert's runbook on the section with the fix, not its alert table, dashboards or the catalog", async () => {
    for (const [service, alert, problem] of SERVICES) {
      const text = alertQueryText({
        title: alert,
        message: `${alert} firing for ${service} for 10m. View in Alertmanager.`,
        labels: { alertname: alert, service, severity: "critical", namespace: "platform" },
        service,
      });
      const [top] = await retrieve(text, { incident: true, limit: 5 });
      expect(`${alert}: ${top.headingPath}`).toBe(`${alert}: ${service} service runbook › Common problems › ${problem}`);
    }
  });

  it("answers a typed how-to question from the section with the fix, not the service's intro or the catalog", async () => {
    for (const q of ["redis cache memory full what do i do", "search cluster went red, how to fix"]) {
      const [top] = await retrieve(q, { limit: 5 });
      expect(`${q}: ${top.headingPath}`).toMatch(/service runbook › Common problems › (Memory full|Cluster red)$/);
    }
  });

  it("still answers a typed question from a template section", async () => {
    const [top] = await retrieve("who do I page to escalate a kafka problem, which on-call?", { limit: 5 });
    expect(top.headingPath).toBe("kafka service runbook › Escalation");
    const [owner] = await retrieve("what tier is geo-service and who owns it", { limit: 5 });
    expect(owner.headingPath).toBe("geo-service service runbook");
  });
});
