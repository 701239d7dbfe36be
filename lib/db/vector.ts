import { Prisma, type Db } from "./client";

/** Every vector in OpsRelay has this many dimensions (all-MiniLM-L6-v2 compatible). */
export const EMBEDDING_DIMENSIONS = 384;

/** pgvector's text form: '[1,2,3]'. Rejects wrong lengths and non-finite values before SQL sees them. */
export function toVectorLiteral(values: ArrayLike<number>): string {
  if (values.length !== EMBEDDING_DIMENSIONS) {
    throw new Error(`expected a ${EMBEDDING_DIMENSIONS}-dimension vector, got ${values.length}`);
  }
  const parts: string[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new Error(`vector component ${i} is not a finite number`);
    parts[i] = String(v);
  }
  return `[${parts.join(",")}]`;
}

export function parseVectorLiteral(text: string): number[] {
  return text.slice(1, -1).split(",").map(Number);
}

/** A SQL fragment casting a JS vector to pgvector, for use inside Prisma.sql / $queryRaw. */
export function vectorSql(values: ArrayLike<number>): Prisma.Sql {
  return Prisma.sql`${toVectorLiteral(values)}::vector`;
}

export async function setAlertEmbedding(client: Db, alertId: string, values: ArrayLike<number>, model: string) {
  await client.$executeRaw`
    UPDATE alerts SET embedding = ${vectorSql(values)}, embedding_model = ${model}
    WHERE id = ${alertId}::uuid`;
}

export async function getAlertEmbedding(client: Db, alertId: string): Promise<number[] | null> {
  const rows = await client.$queryRaw<{ embedding: string | null }[]>`
    SELECT embedding::text AS embedding FROM alerts WHERE id = ${alertId}::uuid`;
  const text = rows[0]?.embedding;
  return text ? parseVectorLiteral(text) : null;
}

export interface Neighbour {
  id: string;
  /** Cosine similarity in [-1, 1] (1 - pgvector's cosine distance). */
  similarity: number;
}

/**
 * Nearest alerts by cosine distance, optionally only those of open incidents and only vectors made by
 * `model` (vectors of different models are not comparable).
 */
export async function nearestAlerts(
  client: Db,
  values: ArrayLike<number>,
  opts: { model: string; limit?: number; openIncidentsOnly?: boolean; excludeId?: string },
): Promise<(Neighbour & { incidentId: string | null })[]> {
  const limit = opts.limit ?? 10;
  const openOnly = opts.openIncidentsOnly
    ? Prisma.sql`AND a.incident_id IN (SELECT id FROM incidents WHERE status <> 'resolved')`
    : Prisma.empty;
  const exclude = opts.excludeId ? Prisma.sql`AND a.id <> ${opts.excludeId}::uuid` : Prisma.empty;
  return client.$queryRaw`
    SELECT a.id, a.incident_id AS "incidentId", 1 - (a.embedding <=> ${vectorSql(values)}) AS similarity
    FROM alerts a
    WHERE a.embedding IS NOT NULL AND a.embedding_model = ${opts.model} ${openOnly} ${exclude}
    ORDER BY a.embedding <=> ${vectorSql(values)}
    LIMIT ${limit}`;
}
