import { db, Prisma } from "@/lib/db";
import { CHUNK_COLUMNS, filterSql, withNumericValue, type ArmOptions, type ArmRow } from "./chunk-rows";
import { fullTextQuery } from "./search-terms";

/** The full-text arm of hybrid retrieval: an OR tsquery of the question's words, synonyms and whole codes. */

export interface FullTextSearchOptions extends ArmOptions {
  /** Expand full-text queries with lexicon synonyms (default on). */
  expand?: boolean;
  /** No candidate budget and ts_rank_cd for every candidate: the reference bench/rag measures the bounded search against. */
  exhaustive?: boolean;
}

/**
 * Bounding the full-text work at scale. The cost is per matching row (heap fetch + ranking), and an
 * OR-query of a stressed engineer's words, or of an incident's many words, can match a large part of a
 * big table. PostgreSQL's own statistics on the tsvector column (pg_stats.most_common_elems, kept fresh
 * by autovacuum's ANALYZE) estimate each term's document frequency without a scan; a lexeme missing
 * from that list is estimated at the list's smallest frequency (an upper bound). The rarest terms (codes
 * first among equals) are taken until their estimated rows add up to CANDIDATE_BUDGET, and all their
 * rows become candidates; the next MAX_COMMON_TERMS terms add at most COMMON_CANDIDATES rows. Words in
 * more than VERY_COMMON_TERM_ROWS rows ("error", "service") are left out, as stopwords of this corpus.
 * A table of at most CANDIDATE_BUDGET rows, or one never analyzed (no statistics), is searched exactly.
 */
export const CANDIDATE_BUDGET = 2000;
export const MAX_COMMON_TERMS = 2;
export const COMMON_CANDIDATES = 200;
export const VERY_COMMON_TERM_ROWS = 2000;
/** At most this many terms go into the query (rarest first, codes, then the question's own words before synonyms). */
export const MAX_QUERY_TERMS = 40;
/**
 * Ranking: ts_rank_cd (cover density) costs ~35 µs a row for a 20-term OR query, ts_rank ~6 µs. Every
 * candidate is ranked with ts_rank; the best RERANKED of them are ordered by ts_rank_cd.
 */
export const RERANKED = 50;
/**
 * ts_rank_cd knows nothing of how rare a term is: a passage repeating common words of a long OR query
 * ("rate", "errors", "latency" in every dashboard section) outranks the one holding the question's rare
 * words. The reranked candidates' ts_rank_cd is multiplied by IDF_FLOOR + the IDF-weighted share of the
 * query terms they contain (tuned on the dev split: 0.2–1 all helped, 0.5 best at recall@1).
 */
export const IDF_FLOOR = 0.5;

export async function fullTextSearch(text: string, opts: FullTextSearchOptions): Promise<ArmRow[]> {
  const sql = fullTextSql(text, opts);
  if (!sql) return [];
  return withNumericValue(await (opts.client ?? db()).$queryRaw<ArmRow[]>(sql));
}

/** The full-text arm's query (null when the text has no searchable term); bench/rag explains it. */
export function fullTextSql(text: string, opts: Omit<FullTextSearchOptions, "client">): Prisma.Sql | null {
  const q = fullTextQuery(text, { expand: opts.expand ?? true });
  if (!q.english && !q.codes) return null;
  const words = q.english ? q.english.split(" | ") : [];
  const codes = q.codes ? q.codes.split(" | ") : [];
  const filters = filterSql(opts);
  const budget = opts.exhaustive ? Number.MAX_SAFE_INTEGER : CANDIDATE_BUDGET;
  const reranked = opts.exhaustive ? Number.MAX_SAFE_INTEGER : Math.max(RERANKED, opts.limit);
  const tsq = (cls: "rare" | "common" | "any") => {
    const where = cls === "any" ? Prisma.empty : Prisma.sql`AND cls = ${cls}`;
    return Prisma.sql`coalesce((SELECT to_tsquery('english', string_agg(w, ' | ')) FROM kept WHERE NOT simple ${where}), ''::tsquery)
      || coalesce((SELECT to_tsquery('simple', string_agg(w, ' | ')) FROM kept WHERE simple ${where}), ''::tsquery)`;
  };
  return Prisma.sql`
    WITH stats AS (
      SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs,
        greatest((SELECT reltuples FROM pg_class WHERE oid = 'runbook_chunks'::regclass), 0) AS n
      FROM pg_stats s
      WHERE s.schemaname = current_schema() AND s.tablename = 'runbook_chunks' AND s.attname = 'search'
    ), listed AS (
      SELECT e.lexeme, e.freq * stats.n AS df FROM stats CROSS JOIN LATERAL unnest(stats.elems, stats.freqs) AS e(lexeme, freq)
      WHERE e.lexeme IS NOT NULL
    ), terms AS (
      -- english words (stemmed by PostgreSQL) and whole code tokens ('simple': the token is its own lexeme);
      -- after the frequencies come their minimum, the bound for every lexeme not listed
      SELECT t.w, t.simple, min(t.ord) AS ord,
        coalesce(max(l.df), (SELECT freqs[array_length(elems, 1) + 1] * n FROM stats), 0) AS df
      FROM (
        SELECT w, false AS simple, ord, (tsvector_to_array(to_tsvector('english', w)))[1] AS lexeme FROM unnest(${words}::text[]) WITH ORDINALITY AS u(w, ord)
        UNION ALL
        SELECT w, true, ord, w FROM unnest(${codes}::text[]) WITH ORDINALITY AS u(w, ord)
      ) t
      LEFT JOIN listed l ON l.lexeme = t.lexeme
      WHERE t.lexeme IS NOT NULL
      GROUP BY t.w, t.simple
    ), weighted AS (
      -- document frequency for the IDF weights: PostgreSQL's estimate, counted only in a never-analyzed
      -- table (the CASE runs the count only then)
      SELECT t.w, t.simple, t.ord, t.df,
        CASE WHEN EXISTS (SELECT 1 FROM stats) THEN t.df
          ELSE (SELECT count(*) FROM runbook_chunks x WHERE x.search @@ to_tsquery(CASE WHEN t.simple THEN 'simple' ELSE 'english' END::regconfig, t.w))
          END AS idf_df
      FROM terms t
    ), ordered AS (
      SELECT w, simple, idf_df, row_number() OVER by_df AS i, sum(df) OVER by_df AS cum
      FROM weighted WHERE df <= ${VERY_COMMON_TERM_ROWS}
      WINDOW by_df AS (ORDER BY df, simple DESC, ord ROWS UNBOUNDED PRECEDING)
    ), budget AS (
      -- the terms whose rows are all candidates: within the budget (at least one), or all of a small table
      SELECT coalesce(max(i) FILTER (WHERE cum <= ${budget}), 0) AS rare_terms,
        coalesce((SELECT n FROM stats), 0) <= ${budget} AS small
      FROM ordered
    ), kept AS (
      SELECT w, simple, idf_df, CASE WHEN small OR i <= greatest(rare_terms, 1) THEN 'rare' WHEN i <= greatest(rare_terms, 1) + ${MAX_COMMON_TERMS} THEN 'common' ELSE 'rank' END AS cls
      FROM ordered, budget WHERE i <= ${MAX_QUERY_TERMS}
    ), q AS (
      SELECT ${tsq("rare")} AS rare, ${tsq("common")} AS common, ${tsq("any")} AS ranking
    ), idf AS (
      -- one tsquery and IDF weight per query term, for the IDF-weighted share of terms a passage contains
      SELECT to_tsquery(CASE WHEN simple THEN 'simple' ELSE 'english' END::regconfig, w) AS tq,
        ln((greatest(CASE WHEN EXISTS (SELECT 1 FROM stats) THEN (SELECT n FROM stats) ELSE (SELECT count(*) FROM runbook_chunks) END, 1) + 1) / (idf_df + 0.5)) AS weight
      FROM kept WHERE idf_df > 0
    ), cand AS (
      SELECT c.id, ts_rank(c.search, q.ranking, 1) AS pre
      FROM q, runbook_chunks c JOIN runbook_documents d ON d.id = c.document_id WHERE c.search @@ q.rare ${filters}
      UNION
      (SELECT c.id, ts_rank(c.search, q.ranking, 1)
       FROM q, runbook_chunks c JOIN runbook_documents d ON d.id = c.document_id WHERE c.search @@ q.common ${filters} LIMIT ${COMMON_CANDIDATES})
    ), best AS (
      SELECT id FROM cand ORDER BY pre DESC, id LIMIT ${reranked}
    )
    SELECT ${CHUNK_COLUMNS},
      ts_rank_cd(c.search, q.ranking, 1) * (${IDF_FLOOR} + coalesce((SELECT sum(weight) FROM idf WHERE c.search @@ idf.tq), 0) / greatest((SELECT sum(weight) FROM idf), 1e-9)) AS value
    FROM q, best JOIN runbook_chunks c ON c.id = best.id JOIN runbook_documents d ON d.id = c.document_id
    ORDER BY value DESC, c.id
    LIMIT ${opts.limit}`;
}
