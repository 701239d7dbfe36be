import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb, getAlertEmbedding, nearestAlerts, setAlertEmbedding, EMBEDDING_DIMENSIONS } from "@/lib/db";
import { resetDatabase } from "../helpers/db";

/** A unit vector along `axis`, nudged toward `towards` by `mix`. */
function vec(axis: number, towards?: number, mix = 0): number[] {
  const v = new Array(EMBEDDING_DIMENSIONS).fill(0);
  v[axis] = 1 - mix;
  if (towards !== undefined) v[towards] = mix;
  return v;
}

async function alert(externalId: string, extra: Record<string, unknown> = {}) {
  return db().alert.create({
    data: {
      source: "generic",
      externalId,
      fingerprint: `fp-${externalId}`,
      title: `alert ${externalId}`,
      rawPayload: { id: externalId },
      alertTimestamp: new Date("2026-11-25T10:00:00Z"),
      ...extra,
    },
  });
}

describe(`database foundation (${process.env.OPSRELAY_TEST_DB === "embedded" ? "embedded PGlite" : "PostgreSQL server"})`, () => {
  beforeEach(resetDatabase);
  afterAll(disconnectDb);

  it("applies every migration: tables, the vector extension and the HNSW/GIN indexes exist", async () => {
    const tables = await db().$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        "alerts",
        "copilot_queries",
        "incident_actions",
        "incidents",
        "runbook_chunks",
        "runbook_documents",
        "webhook_deliveries",
      ]),
    );
    const ext = await db().$queryRaw<{ extname: string }[]>`SELECT extname FROM pg_extension WHERE extname = 'vector'`;
    expect(ext).toHaveLength(1);
    const indexes = await db().$queryRaw<{ indexdef: string }[]>`
      SELECT indexdef FROM pg_indexes WHERE tablename = 'runbook_chunks'`;
    const defs = indexes.map((i) => i.indexdef).join("\n");
    expect(defs).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    expect(defs).toMatch(/USING gin \(search\)/);
  });

  it("keeps one alert per (source, external id)", async () => {
    await alert("dup-1");
    await expect(alert("dup-1")).rejects.toThrow(/Unique constraint/i);
    // the same external id from another source is a different alert
    await expect(alert("dup-1", { source: "datadog" })).resolves.toMatchObject({ source: "datadog" });
    expect(await db().alert.count()).toBe(2);
  });

  it("numbers incidents in order and keeps webhook deliveries unique per source", async () => {
    const base = { title: "t", firstAlertAt: new Date(), lastAlertAt: new Date() };
    const a = await db().incident.create({ data: base });
    const b = await db().incident.create({ data: base });
    expect(b.number).toBe(a.number + 1);
    await db().webhookDelivery.create({ data: { source: "sentry", deliveryId: "d1", alertIds: [] } });
    await expect(
      db().webhookDelivery.create({ data: { source: "sentry", deliveryId: "d1", alertIds: [] } }),
    ).rejects.toThrow(/Unique constraint/i);
  });

  it("round-trips a 384-dim vector and orders neighbours by cosine distance through pgvector", async () => {
    const q = await alert("query");
    const near = await alert("near");
    const mid = await alert("mid");
    const far = await alert("far");
    const other = await alert("other-model");
    await setAlertEmbedding(db(), q.id, vec(0), "test-model");
    await setAlertEmbedding(db(), near.id, vec(0, 1, 0.1), "test-model");
    await setAlertEmbedding(db(), mid.id, vec(0, 1, 0.5), "test-model");
    await setAlertEmbedding(db(), far.id, vec(2), "test-model");
    await setAlertEmbedding(db(), other.id, vec(0), "another-model");

    const stored = await getAlertEmbedding(db(), near.id);
    expect(stored).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(stored![0]).toBeCloseTo(0.9, 5);
    expect(stored![1]).toBeCloseTo(0.1, 5);

    const result = await nearestAlerts(db(), vec(0), { model: "test-model", limit: 3, excludeId: q.id });
    expect(result.map((r) => r.id)).toEqual([near.id, mid.id, far.id]);
    expect(result[0].similarity).toBeGreaterThan(result[1].similarity);
    expect(result[2].similarity).toBeCloseTo(0, 5);
  });

  it("rejects vectors of the wrong dimension before they reach SQL", async () => {
    const a = await alert("bad-dim");
    await expect(setAlertEmbedding(db(), a.id, [1, 2, 3], "m")).rejects.toThrow(/384-dimension/);
  });
});
