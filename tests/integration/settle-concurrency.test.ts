import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { settleResolvedAlert } from "@/lib/pipeline/settle-resolution";
import { resetDatabase } from "../helpers/db";

/**
 * A storm's resolve notifications arrive together: each resolved alert's incident is settled at the
 * same moment. They must all land (no deadlock between them), and the incident must end resolved.
 */
describe("settling many resolutions of one incident at once", () => {
  beforeEach(resetDatabase);
  afterAll(disconnectDb);

  it("records every resolution and resolves the incident, with no deadlock", async () => {
    const t = new Date("2026-11-25T10:00:00Z");
    const incident = await db().incident.create({
      data: { title: "payments-db connections exhausted", severity: "critical", firstAlertAt: t, lastAlertAt: t, alertCount: 12, openAlertCount: 12 },
    });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const a = await db().alert.create({
        data: {
          source: "alertmanager",
          externalId: `settle-${i}`,
          fingerprint: `fp-${i}`,
          title: `PostgresTooManyConnections ${i}`,
          rawPayload: {},
          alertTimestamp: t,
          severity: "critical",
          serviceName: "payments-db",
          environment: "production",
          processingState: "processed",
          incidentId: incident.id,
          status: "resolved",
          resolvedAt: new Date(t.getTime() + 60_000 + i),
        },
      });
      ids.push(a.id);
    }

    const results = await Promise.allSettled(ids.map((id) => settleResolvedAlert(id)));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);

    const after = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(after.status).toBe("resolved");
    expect(after.openAlertCount).toBe(0);
    const resolvedActions = await db().incidentAction.count({ where: { incidentId: incident.id, type: "alert_resolved" } });
    expect(resolvedActions).toBe(12);
  });
});
