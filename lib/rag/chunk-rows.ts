import { db, Prisma } from "@/lib/db";

/** What each retrieval arm (vector, full text) selects about a chunk and its document. */
export interface ChunkFields {
  chunkId: string;
  documentId: string;
  title: string;
  sourcePath: string;
  url: string | null;
  service: string | null;
  team: string | null;
  headingPath: string;
  anchor: string | null;
  ordinal: number;
  content: string;
}

/** A chunk as one retrieval arm returns it, with that arm's own score. */
export type ArmRow = ChunkFields & { value: number };

export interface ArmOptions {
  limit: number;
  service?: string;
  team?: string;
  client?: ReturnType<typeof db>;
}

/** The ChunkFields columns, for `FROM runbook_chunks c JOIN runbook_documents d`. */
export const CHUNK_COLUMNS = Prisma.sql`c.id::text AS "chunkId", d.id::text AS "documentId", d.title, d.source_path AS "sourcePath", d.url,
  d.service, d.team, c.heading_path AS "headingPath", c.anchor, c.ordinal, c.content`;

/** The optional service/team filters as `AND …` conditions on `d`. */
export function filterSql(opts: { service?: string; team?: string }): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (opts.service) parts.push(Prisma.sql`AND d.service = ${opts.service}`);
  if (opts.team) parts.push(Prisma.sql`AND d.team = ${opts.team}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

export function withNumericValue<T extends { value: unknown }>(rows: T[]): (T & { value: number })[] {
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}
