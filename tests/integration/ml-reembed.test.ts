import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb, getAlertEmbedding, setAlertEmbedding } from "@/lib/db";
import { offlineEmbedder } from "@/lib/ml/embed/offline";
import { reembedAlerts } from "@/lib/ml/reembed";
import { embeddingText } from "@/lib/pipeline/alert-text";
import type { Embedder } from "@/lib/ml/types";
import { resetDatabase } from "../helpers/db";

async function alert(externalId: string, title: string) {
  return db().alert.create({
    data: { source: "generic", externalId, fingerprint: `fp-${externalId}`, title, message: `${title} details`, serviceName: "payments-api", rawPayload: {}, alertTimestamp: new Date() },
  });
}

const oldVector = Array.from({ length: 384 }, (_, i) => (i === 0 ? 1 : 0));

describe("ml:reembed (real database)", () => {
  beforeEach(resetDatabase);
  afterAll(disconnectDb);

  it("re-embeds alerts of another model or none, leaves current ones alone, and is idempotent", async () => {
    const embedder = offlineEmbedder();
    const stale = await alert("a1", "payments-api 502 from gateway");
    const missing = await alert("a2", "ledger deadlock ORA-00060");
    const failed = await alert("a3", "redis OOM");
    const current = await alert("a4", "tracking pages slow");
    await setAlertEmbedding(db(), stale.id, oldVector, "hf:old-model");
    await db().$executeRaw`UPDATE alerts SET embedding_model = 'fallback:none' WHERE id = ${failed.id}::uuid`;
    const [currentVector] = await embedder.embed(["something else entirely"]);
    await setAlertEmbedding(db(), current.id, currentVector, embedder.model);

    const progress: number[] = [];
    const result = await reembedAlerts(db(), embedder, { batchSize: 2, onProgress: (p) => progress.push(p.done) });
    expect(result).toEqual({ done: 3, total: 3, failed: 0 });
    expect(progress).toEqual([2, 3]);

    const rows = await db().alert.findMany({ select: { id: true, embeddingModel: true } });
    expect(new Set(rows.map((r) => r.embeddingModel))).toEqual(new Set([embedder.model]));
    const [expected] = await embedder.embed([embeddingText({ title: stale.title, message: stale.message, serviceName: "payments-api" })]);
    const stored = await getAlertEmbedding(db(), stale.id);
    expect(stored!.slice(0, 5).map((x) => x.toFixed(5))).toEqual(expected.slice(0, 5).map((x) => x.toFixed(5)));
    expect(await getAlertEmbedding(db(), missing.id)).toHaveLength(384);
    // The alert that already had a current vector kept it.
    const kept = await getAlertEmbedding(db(), current.id);
    expect(kept![0].toFixed(5)).toBe(currentVector[0].toFixed(5));

    expect(await reembedAlerts(db(), embedder)).toEqual({ done: 0, total: 0, failed: 0 });
  });

  it("a failing embedder leaves alerts untouched and reports them as failed", async () => {
    await alert("b1", "x");
    const broken: Embedder = { model: "broken-v1", dimensions: 384, embed: async () => Promise.reject(new Error("provider down")) };
    const warn = console.warn;
    console.warn = () => {};
    const result = await reembedAlerts(db(), broken).finally(() => (console.warn = warn));
    expect(result).toEqual({ done: 0, total: 1, failed: 1 });
    const row = await db().alert.findFirstOrThrow();
    expect(row.embeddingModel).toBeNull();
  });
});
