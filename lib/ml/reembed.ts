import { Prisma, toVectorLiteral, type Db } from "@/lib/db";
import { embeddingText } from "@/lib/pipeline/alert-text";
import type { Embedder } from "./types";

export interface ReembedProgress {
  done: number;
  total: number;
  failed: number;
}

/**
 * Re-embeds every alert whose vector was not made by `embedder` (another model, none yet, or a failed
 * "fallback:none"), in id order and batches, so vectors in one comparison always share a model.
 * Uses the same text as the triage pipeline. Resumable: a re-run only picks up what is left.
 */
export async function reembedAlerts(
  client: Db,
  embedder: Embedder,
  opts: { batchSize?: number; onProgress?: (p: ReembedProgress) => void } = {},
): Promise<ReembedProgress> {
  const batchSize = opts.batchSize ?? 64;
  const [{ count }] = await client.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM alerts WHERE embedding_model IS DISTINCT FROM ${embedder.model}`;
  const progress: ReembedProgress = { done: 0, total: Number(count), failed: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await client.$queryRaw<{ id: string; title: string; message: string; service_name: string | null }[]>`
      SELECT id::text AS id, title, message, service_name FROM alerts
      WHERE embedding_model IS DISTINCT FROM ${embedder.model} AND id > ${after}::uuid
      ORDER BY id LIMIT ${batchSize}`;
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    let vectors: number[][];
    try {
      vectors = await embedder.embed(rows.map((r) => embeddingText({ title: r.title, message: r.message, serviceName: r.service_name })));
    } catch (err) {
      // Leave the batch as it was (still marked with its old model) and carry on; a re-run retries it.
      progress.failed += rows.length;
      console.warn(`[reembed] batch after ${rows[0].id} failed: ${(err as Error).message}`);
      opts.onProgress?.(progress);
      continue;
    }
    // One statement per batch: row-by-row updates made re-embedding a large table needlessly slow.
    const values = rows.map((r, i) => Prisma.sql`(${r.id}::uuid, ${toVectorLiteral(vectors[i])}::vector)`);
    await client.$executeRaw`
      UPDATE alerts AS a SET embedding = v.embedding, embedding_model = ${embedder.model}
      FROM (VALUES ${Prisma.join(values)}) AS v(id, embedding)
      WHERE a.id = v.id`;
    progress.done += rows.length;
    opts.onProgress?.(progress);
  }
  return progress;
}
