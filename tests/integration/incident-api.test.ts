import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/incidents/route";
import { GET as detailRoute } from "@/app/api/incidents/[id]/route";
import { POST as actionRoute } from "@/app/api/incidents/[id]/actions/route";
import { GET as alertsRoute } from "@/app/api/incidents/[id]/alerts/route";
import { POST as moveRoute } from "@/app/api/alerts/[id]/move/route";
import { db } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { resolveSilentAlerts } from "@/lib/incidents/auto-resolve";
import { getIncidentDetail } from "@/lib/incidents/queries";
import { groupAlert } from "@/lib/triage/group";
import { resetDatabase } from "../helpers/db";
import { insertAlert, minutesFrom } from "./group-fixtures";

const T0 = new Date("2026-11-21T08:00:00Z");
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (url: string, body: unknown) =>
  new Request(`http://localhost${url}`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

async function openIncident(title: string, service: string, opts: { at?: Date; severity?: "critical" | "high" | "medium" | "low" | "info"; environment?: string } = {}) {
  const alertId = await insertAlert({ title, service, at: opts.at ?? T0, severity: opts.severity ?? "high", environment: opts.environment });
  const r = await groupAlert(alertId);
  return { alertId, incidentId: r.incidentId! };
}

describe("incident API", () => {
  beforeEach(async () => {
    await resetDatabase();
  });
  afterEach(() => {
    delete process.env.INCIDENT_AUTO_RESOLVE;
    resetEnv();
  });

  it("lists with filters, search and cursor pagination that neither skips nor repeats", async () => {
    const services = ["kafka", "payments-db", "search-cluster", "label-printer-service", "sms-gateway"];
    for (let i = 0; i < 23; i++) {
      await openIncident(`${services[i % 5]} incident ${i}`, services[i % 5], {
        at: minutesFrom(T0, i * 120), // far apart: one incident each
        severity: (["critical", "high", "medium", "low", "info"] as const)[i % 5],
        environment: i % 2 ? "staging" : "prod",
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `http://localhost/api/incidents?limit=5&sort=severity${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await listRoute(new Request(url), undefined);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { id: string; severity: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);

    const filtered = await (await listRoute(new Request("http://localhost/api/incidents?severity=critical,high&environment=prod&service=kafka"), undefined)).json();
    expect(filtered.items.length).toBeGreaterThan(0);
    for (const i of filtered.items) {
      expect(["critical", "high"]).toContain(i.severity);
      expect(i.environments).toContain("prod");
      expect(i.affectedServices).toContain("kafka");
    }
    const search = await (await listRoute(new Request("http://localhost/api/incidents?q=SMS-GATEWAY%20incident%2014"), undefined)).json();
    expect(search.items.map((i: { title: string }) => i.title)).toEqual(["sms-gateway incident 14"]);

    const bad = await listRoute(new Request("http://localhost/api/incidents?status=closed&limit=1000"), undefined);
    expect(bad.status).toBe(400);
    const err = await bad.json();
    expect(err.error.message).toContain("status");
    expect(err.error.message).toContain("limit");
    const badCursor = await listRoute(new Request("http://localhost/api/incidents?cursor=garbage"), undefined);
    expect(badCursor.status).toBe(400);
  });

  it("shows an incident with alerts and timeline, by id or INC-number", async () => {
    const { incidentId } = await openIncident("ledger-service E-LEDGER-409 spike", "ledger-service");
    const res = await detailRoute(new Request(`http://localhost/api/incidents/${incidentId}`), ctx(incidentId));
    const { incident } = await res.json();
    expect(incident.alerts).toHaveLength(1);
    expect(incident.alerts[0].groupingReason).toContain("opened a new incident");
    // Written in one transaction (same created_at), the timeline still reads in the order things happened.
    expect(incident.actions.map((a: { type: string }) => a.type).slice(0, 2)).toEqual(["incident_opened", "alert_added"]);
    const byNumber = await detailRoute(new Request(`http://localhost/api/incidents/INC-${incident.number}`), ctx(`INC-${incident.number}`));
    expect((await byNumber.json()).incident.id).toBe(incidentId);
    const missing = await detailRoute(new Request("http://localhost/api/incidents/INC-99999"), ctx("INC-99999"));
    expect(missing.status).toBe(404);
  });

  it("acknowledges, resolves, refuses an impossible transition, reopens and comments, all on the timeline", async () => {
    const { incidentId } = await openIncident("geo-service latency", "geo-service");
    const ack = await actionRoute(post(`/api/incidents/${incidentId}/actions`, { action: "acknowledge", actor: "maria@parcelwise.io" }), ctx(incidentId));
    expect(ack.status).toBe(200);
    expect((await ack.json()).incident.status).toBe("investigating");
    const ackAgain = await actionRoute(post(`/api/incidents/${incidentId}/actions`, { action: "acknowledge", actor: "maria" }), ctx(incidentId));
    expect(ackAgain.status).toBe(409);
    const resolve = await actionRoute(post(`/api/incidents/${incidentId}/actions`, { action: "resolve", actor: "maria", message: "rolled back geo-service 2.4.1" }), ctx(incidentId));
    expect((await resolve.json()).incident.status).toBe("resolved");
    const resolveAgain = await actionRoute(post(`/api/incidents/${incidentId}/actions`, { action: "resolve", actor: "maria" }), ctx(incidentId));
    expect(resolveAgain.status).toBe(409);
    expect((await resolveAgain.json()).error.message).toContain("reopen it first");
    const reopen = await actionRoute(post(`/api/incidents/${incidentId}/actions`, { action: "reopen", actor: "li" }), ctx(incidentId));
    expect((await reopen.json()).incident).toMatchObject({ status: "open", resolvedAt: null });
    const noText = await actionRoute(post(`/api/incidents/${incidentId}/actions`, { action: "comment", actor: "li" }), ctx(incidentId));
    expect(noText.status).toBe(400);
    expect((await noText.json()).error.message).toContain("message");
    await actionRoute(post(`/api/incidents/${incidentId}/actions`, { action: "comment", actor: "li", message: "geocoder cache cold after deploy" }), ctx(incidentId));
    const badAction = await actionRoute(post(`/api/incidents/${incidentId}/actions`, { action: "escalate", actor: "li" }), ctx(incidentId));
    expect(badAction.status).toBe(400);
    expect((await badAction.json()).error.message).toContain("action");
    const badJson = await actionRoute(post(`/api/incidents/${incidentId}/actions`, "{not json"), ctx(incidentId));
    expect((await badJson.json()).error.code).toBe("invalid_json");
    const unknown = await actionRoute(post(`/api/incidents/00000000-0000-4000-8000-000000000000/actions`, { action: "resolve", actor: "li" }), ctx("00000000-0000-4000-8000-000000000000"));
    expect(unknown.status).toBe(404);

    const timeline = await db().incidentAction.findMany({ where: { incidentId }, orderBy: { createdAt: "asc" } });
    const statusChanges = timeline.filter((a) => a.type === "status_changed").map((a) => [a.actor, (a.data as { to: string }).to]);
    expect(statusChanges).toEqual([["maria@parcelwise.io", "investigating"], ["maria", "resolved"], ["li", "open"]]);
    expect(timeline.find((a) => a.type === "comment")).toMatchObject({ actor: "li", message: "geocoder cache cold after deploy" });

    // A capped timeline keeps the newest entries (the comment just made), still oldest first.
    const capped = await getIncidentDetail(incidentId, { actionLimit: 2 });
    expect(capped!._count.actions).toBe(timeline.length);
    expect(capped!.actions.map((a) => a.type)).toEqual(timeline.slice(-2).map((a) => a.type));
    expect(capped!.actions.at(-1)).toMatchObject({ type: "comment", message: "geocoder cache cold after deploy" });
  });

  it("moves an alert between incidents, recording it on both and refreshing both", async () => {
    const a = await openIncident("payments-api 5xx above 2%", "payments-api", { severity: "critical" });
    const secondAlert = await insertAlert({ title: "payments-api latency p99 2.5s", service: "payments-api", at: minutesFrom(T0, 1), severity: "medium" });
    expect((await groupAlert(secondAlert)).incidentId).toBe(a.incidentId);
    const b = await openIncident("kafka consumer lag on ledger topic", "kafka", { at: minutesFrom(T0, 2), severity: "low" });

    const moved = await moveRoute(post(`/api/alerts/${a.alertId}/move`, { incidentId: b.incidentId, actor: "sam" }), ctx(a.alertId));
    expect(moved.status).toBe(200);
    const [from, to] = await Promise.all([a.incidentId, b.incidentId].map((id) => db().incident.findUniqueOrThrow({ where: { id } })));
    expect(from).toMatchObject({ alertCount: 1, severity: "medium", affectedServices: ["payments-api"] });
    expect(to).toMatchObject({ alertCount: 2, severity: "critical", affectedServices: ["kafka", "payments-api"] });
    for (const id of [a.incidentId, b.incidentId]) {
      expect(await db().incidentAction.count({ where: { incidentId: id, type: "alert_moved", actor: "sam" } })).toBe(1);
    }

    // Moving the last alert out to a new incident leaves the old one empty: it resolves.
    const toNew = await moveRoute(post(`/api/alerts/${secondAlert}/move`, { incidentId: "new", actor: "sam" }), ctx(secondAlert));
    const body = await toNew.json();
    expect(body.fromIncidentId).toBe(a.incidentId);
    expect(await db().incident.findUniqueOrThrow({ where: { id: a.incidentId } })).toMatchObject({ status: "resolved", alertCount: 0 });
    expect(await db().incident.findUniqueOrThrow({ where: { id: body.toIncidentId } })).toMatchObject({ alertCount: 1, status: "open" });

    const invalid = await moveRoute(post(`/api/alerts/${secondAlert}/move`, { incidentId: "INC-1", actor: "" }), ctx(secondAlert));
    expect(invalid.status).toBe(400);
    const msg = (await invalid.json()).error.message;
    expect(msg).toContain("incidentId");
    expect(msg).toContain("actor");
    const same = await moveRoute(post(`/api/alerts/${secondAlert}/move`, { incidentId: body.toIncidentId, actor: "sam" }), ctx(secondAlert));
    expect(same.status).toBe(409);
  });

  it("resolves silent alerts and auto-resolves their incident; with auto-resolve off it only records it", async () => {
    const a = await openIncident("rabbitmq queue depth high", "rabbitmq");
    await db().alert.updateMany({ data: { lastSeenAt: T0 } });
    const sweep = await resolveSilentAlerts({ now: minutesFrom(T0, 300) });
    expect(sweep).toMatchObject({ alertsResolved: 1, incidentsSettled: 1, incidentsResolved: 1 });
    expect(await db().incident.findUniqueOrThrow({ where: { id: a.incidentId } })).toMatchObject({ status: "resolved", openAlertCount: 0 });
    expect(await resolveSilentAlerts({ now: minutesFrom(T0, 300) })).toMatchObject({ alertsResolved: 0 });

    process.env.INCIDENT_AUTO_RESOLVE = "0";
    resetEnv();
    const b = await openIncident("push-service APNs errors", "push-service", { at: minutesFrom(T0, 600) });
    await db().alert.updateMany({ where: { incidentId: b.incidentId }, data: { lastSeenAt: minutesFrom(T0, 600) } });
    // Not silent long enough yet.
    expect((await resolveSilentAlerts({ now: minutesFrom(T0, 700) })).alertsResolved).toBe(0);
    await resolveSilentAlerts({ now: minutesFrom(T0, 900) });
    const incident = await db().incident.findUniqueOrThrow({ where: { id: b.incidentId } });
    expect(incident.status).toBe("open");
    expect(await db().incidentAction.count({ where: { incidentId: b.incidentId, type: "all_alerts_resolved" } })).toBe(1);
  });

  it("pages a big incident's alerts newest first, with a status filter", async () => {
    const first = await openIncident("inventory-service CrashLoopBackOff", "inventory-service");
    for (let i = 1; i < 12; i++) {
      const id = await insertAlert({ title: "inventory-service CrashLoopBackOff", service: "inventory-service", fingerprint: `crash-${i}`, at: minutesFrom(T0, i * 0.2), status: i % 3 ? "firing" : "resolved" });
      expect((await groupAlert(id)).incidentId).toBe(first.incidentId);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `http://localhost/api/incidents/${first.incidentId}/alerts?limit=5${cursor ? `&cursor=${cursor}` : ""}`;
      const body = (await (await alertsRoute(new Request(url), ctx(first.incidentId))).json()) as { items: { id: string; alertTimestamp: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((a) => a.alertTimestamp));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(12);
    expect([...seen].sort().reverse()).toEqual(seen);
    const resolved = await (await alertsRoute(new Request(`http://localhost/api/incidents/${first.incidentId}/alerts?status=resolved`), ctx(first.incidentId))).json();
    expect(resolved.items).toHaveLength(3);
    const missing = await alertsRoute(new Request("http://localhost/api/incidents/INC-4242/alerts"), ctx("INC-4242"));
    expect(missing.status).toBe(404);
    const bad = await alertsRoute(new Request(`http://localhost/api/incidents/${first.incidentId}/alerts?limit=0&status=open`), ctx(first.incidentId));
    expect(bad.status).toBe(400);
  });
});
