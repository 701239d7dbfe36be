import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOne } from "@/app/api/alerts/[id]/route";
import { GET as list } from "@/app/api/alerts/route";
import { db, disconnectDb } from "@/lib/db";
import { resetDatabase } from "../helpers/db";

interface Page {
  items: { id: string; title: string; source: string; status: string; processingState: string }[];
  nextCursor?: string;
  error?: { code: string; message: string };
}

async function getList(query: string): Promise<{ status: number; body: Page }> {
  const response = await list(new Request(`http://localhost/api/alerts${query}`), undefined);
  return { status: response.status, body: (await response.json()) as Page };
}

const base = new Date("2026-11-25T10:00:00Z").getTime();
const ids: string[] = [];

describe("alerts API (list with filters and cursor pagination, one alert with raw payload)", () => {
  beforeAll(async () => {
    await resetDatabase();
    // 25 alerts received one second apart; every 5th is resolved, every 3rd from sentry, some unmapped
    for (let i = 0; i < 25; i++) {
      const alert = await db().alert.create({
        data: {
          source: i % 3 === 0 ? "sentry" : "datadog",
          externalId: `ext-${i}`,
          fingerprint: `fp-${i}`,
          title: `alert ${i}`,
          status: i % 5 === 0 ? "resolved" : "firing",
          labels: i % 4 === 0 ? { service: "payments-api" } : { service: "cart-service" },
          serviceName: i === 1 ? "payments-api" : null,
          rawPayload: { n: i, nested: { big: "7183398437473470464" } },
          alertTimestamp: new Date(base + i * 1000 - 60_000),
          createdAt: new Date(base + i * 1000),
          processingState: i === 7 ? "unmapped" : "pending",
        },
      });
      ids[i] = alert.id;
    }
  });
  afterAll(disconnectDb);

  it("lists newest received first and pages through everything exactly once with the cursor", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await getList(`?limit=10${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((a) => a.title));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `alert ${24 - i}`));
  });

  it("filters by status, source, processing state and service (label or triaged service)", async () => {
    const resolved = await getList("?status=resolved");
    expect(resolved.body.items.map((a) => a.title)).toEqual(["alert 20", "alert 15", "alert 10", "alert 5", "alert 0"]);
    const sentryFiring = await getList("?source=sentry&status=firing");
    expect(sentryFiring.body.items.every((a) => a.source === "sentry" && a.status === "firing")).toBe(true);
    expect(sentryFiring.body.items).toHaveLength(7);
    const unmapped = await getList("?state=unmapped");
    expect(unmapped.body.items.map((a) => a.title)).toEqual(["alert 7"]);
    const payments = await getList("?service=payments-api");
    expect(payments.body.items.map((a) => a.title)).toEqual(["alert 24", "alert 20", "alert 16", "alert 12", "alert 8", "alert 4", "alert 1", "alert 0"]);
  });

  it("answers bad filters and cursors with 400 naming the problem", async () => {
    const badState = await getList("?state=exploded");
    expect(badState.status).toBe(400);
    expect(badState.body.error?.message).toMatch(/state: must be one of pending/);
    expect((await getList("?limit=5000")).status).toBe(400);
    const badCursor = await getList("?cursor=bm9wZQ");
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error?.message).toMatch(/cursor/);
  });

  it("returns one alert with its raw payload, 404 for unknown or malformed ids", async () => {
    const res = await getOne(new Request(`http://localhost/api/alerts/${ids[3]}`), { params: Promise.resolve({ id: ids[3] }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: ids[3], title: "alert 3", source: "sentry", rawPayload: { n: 3, nested: { big: "7183398437473470464" } } });
    expect(body).not.toHaveProperty("embedding");
    const missing = "00000000-0000-4000-8000-000000000000";
    const notFound = await getOne(new Request(`http://localhost/api/alerts/${missing}`), { params: Promise.resolve({ id: missing }) });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ error: { code: "not_found" } });
    const malformed = await getOne(new Request("http://localhost/api/alerts/xyz"), { params: Promise.resolve({ id: "xyz" }) });
    expect(malformed.status).toBe(404);
  });
});
