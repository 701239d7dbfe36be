import { db, Prisma } from "@/lib/db";
import { CHUNK_COLUMNS, filterSql, withNumericValue, type ArmOptions, type ArmRow } from "./chunk-rows";
import { fullTextQuery } from "./search-terms";

/** The full-text arm of hybrid retrieval: an OR tsquery of the question's words, synonyms and whole codes. */

export interface FullTextSearchOptions extends ArmOptions {
  /** Expand full-text queries with lexicon synonyms (default on). */
  expand?: boolean;
}

/**
 * Bounding the full-text work at scale. Ranking cost grows with the rows that match, and an OR-query of
 * a stressed engineer's words can match most of the table. PostgreSQL's own statistics on the tsvector
 * column (pg_stats.most_common_elems, kept fresh by autovacuum's ANALYZE) tell which terms are common
 * without a scan: every row matching a rare term (estimated ≤ COMMON_TERM_ROWS rows) is ranked, plus at
 * most COMMON_CANDIDATES rows matching the few least common of the common terms; words in more than
 * VERY_COMMON_TERM_ROWS rows ("error", "service") are left out, as stopwords of this corpus. A table
 * that was never analyzed has no statistics: every term counts as rare, which only small knowledge bases
 * are, and ranking is then exact.
 */
export const COMMON_TERM_ROWS = 300;
export const COMMON_CANDIDATES = 200;
/** The least common MAX_COMMON_TERMS of the common terms are used; terms above this many rows are ignored. */
export const VERY_COMMON_TERM_ROWS = 2000;
export const MAX_COMMON_TERMS = 2;
/** At most this many terms go into the query (rare ones, codes, then the question's own words before synonyms). */
export const MAX_QUERY_TERMS = 40;

export async function fullTextSearch(text: string, opts: FullTextSearchOptions): Promise<ArmRow[]> {
  const client = opts.client ?? db();
  const q = fullTextQuery(text, { expand: opts.expand ?? true });
  if (!q.english && !q.codes) return [];
  const words = q.english ? q.english.split(" | ") : [];
  const codes = q.codes ? q.codes.split(" | ") : [];
  const filters = filterSql(opts);
  const tsq = (simple: boolean, rare: boolean) =>
    simple
      ? Prisma.sql`coalesce((SELECT to_tsquery('simple', string_agg(w, ' | ')) FROM kept WHERE simple AND rare = ${rare}), ''::tsquery)`
      : Prisma.sql`coalesce((SELECT to_tsquery('english', string_agg(w, ' | ')) FROM kept WHERE NOT simple AND rare = ${rare}), ''::tsquery)`;
  const rows = await client.$queryRaw<ArmRow[]>`
    WITH common AS (
      SELECT e.lexeme, e.freq * greatest((SELECT reltuples FROM pg_class WHERE oid = 'runbook_chunks'::regclass), 0) AS df
      FROM pg_stats s CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, freq)
      WHERE s.schemaname = current_schema() AND s.tablename = 'runbook_chunks' AND s.attname = 'search'
    ), terms AS (
      -- english words (stemmed by PostgreSQL) and whole code tokens ('simple': the token is its own lexeme)
      SELECT t.w, t.simple, t.ord, coalesce(max(c.df), 0) AS df
      FROM (
        SELECT w, false AS simple, ord, (tsvector_to_array(to_tsvector('english', w)))[1] AS lexeme FROM unnest(${words}::text[]) WITH ORDINALITY AS u(w, ord)
        UNION ALL
        SELECT w, true, ord, w FROM unnest(${codes}::text[]) WITH ORDINALITY AS u(w, ord)
      ) t
      LEFT JOIN common c ON c.lexeme = t.lexeme
      WHERE t.lexeme IS NOT NULL
      GROUP BY t.w, t.simple, t.ord
    ), kept AS (
      (SELECT w, simple, true AS rare FROM terms WHERE df <= ${COMMON_TERM_ROWS} ORDER BY simple DESC, df, ord LIMIT ${MAX_QUERY_TERMS})
      UNION ALL
      (SELECT w, simple, false FROM terms WHERE df > ${COMMON_TERM_ROWS} AND df <= ${VERY_COMMON_TERM_ROWS} ORDER BY df LIMIT ${MAX_COMMON_TERMS})
    ), q AS (
      SELECT ${tsq(false, true)} || ${tsq(true, true)} AS rare, ${tsq(false, false)} || ${tsq(true, false)} AS common
    ), cand AS (
      SELECT c.id FROM q, runbook_chunks c JOIN runbook_documents d ON d.id = c.document_id WHERE c.search @@ q.rare ${filters}
      UNION
      (SELECT c.id FROM q, runbook_chunks c JOIN runbook_documents d ON d.id = c.document_id WHERE c.search @@ q.common ${filters} LIMIT ${COMMON_CANDIDATES})
    )
    SELECT ${CHUNK_COLUMNS}, ts_rank_cd(c.search, q.rare || q.common, 1) AS value
    FROM q, cand JOIN runbook_chunks c ON c.id = cand.id JOIN runbook_documents d ON d.id = c.document_id
    ORDER BY value DESC, c.id
    LIMIT ${opts.limit}`;
  return withNumericValue(rows);
}
