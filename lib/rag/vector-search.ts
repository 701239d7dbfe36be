import { db, vectorSql } from "@/lib/db";
import { CHUNK_COLUMNS, filterSql, withNumericValue, type ArmOptions, type ArmRow } from "./chunk-rows";

/** The vector arm of hybrid retrieval: pgvector KNN over the HNSW index (cosine). */

// 200: HNSW recall@10 ≥ 0.95 at 100k chunks in bench/rag (0.94 at 100, pgvector's default is 40).
export const DEFAULT_EF_SEARCH = 200;

export interface VectorSearchOptions extends ArmOptions {
  /** HNSW ef_search for this query (pgvector default 40). */
  efSearch?: number;
}

export async function vectorSearch(query: number[], model: string, opts: VectorSearchOptions): Promise<ArmRow[]> {
  const client = opts.client ?? db();
  const ef = Math.max(opts.efSearch ?? DEFAULT_EF_SEARCH, opts.limit);
  const filters = filterSql(opts);
  return client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL hnsw.ef_search = ${Math.floor(ef)}`);
    // With filters, let HNSW keep scanning until enough rows pass them (pgvector ≥ 0.8).
    if (opts.service || opts.team) await tx.$executeRawUnsafe(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
    const rows = await tx.$queryRaw<ArmRow[]>`
      SELECT ${CHUNK_COLUMNS}, 1 - (c.embedding <=> ${vectorSql(query)}) AS value
      FROM runbook_chunks c JOIN runbook_documents d ON d.id = c.document_id
      WHERE c.embedding_model = ${model} ${filters}
      ORDER BY c.embedding <=> ${vectorSql(query)}
      LIMIT ${opts.limit}`;
    return withNumericValue(rows);
  });
}
