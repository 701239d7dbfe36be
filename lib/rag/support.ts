import { db, Prisma } from "@/lib/db";
import { contentWords, findConcepts, opsLexicon, stem, tokenize } from "@/lib/ml/embed/text-features";
import { namesAThing } from "./everyday-words";
import type { RetrievedChunk } from "./retrieve";

/**
 * How well the retrieved passages support a question, for the decline decision:
 * - similarity: the best cosine similarity between the question and a retrieved chunk;
 * - coverage: the IDF-weighted share of the question's words found in the top passages (a word also
 *   counts as found through a lexicon synonym). A question about something the runbooks never mention
 *   ("mongodb", "laptop") has a rare, uncovered word that pulls coverage down even when its other
 *   words ("fail over", "cluster") match well.
 * - unknownShare, textScore, armsAgree: see below.
 */

export interface Support {
  similarity: number;
  coverage: number;
  /**
   * IDF-weighted share of the question's words that appear nowhere in the knowledge base, are not
   * lexicon terms and name a thing rather than being everyday English or a typo (everyday-words.ts):
   * "mongodb", "kibana", "gdpr" — the question is about something else.
   */
  unknownShare: number;
  /** Best full-text rank (ts_rank_cd, length-normalized) among the top passages; 0 when none matched. */
  textScore: number;
  /**
   * 1 when the two retrieval arms' top 3 passages share a document, else 0. A question the runbooks
   * cover brings its runbook up by meaning and by words alike; for one they don't, each arm grabs
   * whatever is closest in its own way (dev: 1 of 78 answerable questions had no shared document,
   * 5 of 21 unanswerable). Undefined (no evidence either way) when an arm did not run.
   */
  armsAgree?: number;
  /** Words of the question that no top passage contains, rarest first (shown with a decline). */
  missing: string[];
}

/** Passages within this rank of each arm count for armsAgree. */
const AGREEMENT_DEPTH = 3;

/**
 * Whether the vector and full-text arms' best passages come from a common document. An arm's best
 * passages missing from the fused list were outranked for lack of support from the other arm: no
 * agreement. Undefined when an arm did not run (full-text only, or nothing matched its words).
 */
export function armsAgreement(chunks: RetrievedChunk[]): number | undefined {
  if (!chunks.some((c) => c.vectorRank !== undefined) || !chunks.some((c) => c.textRank !== undefined)) return undefined;
  const vector = new Set(chunks.filter((c) => (c.vectorRank ?? Infinity) <= AGREEMENT_DEPTH).map((c) => c.documentId));
  const text = new Set(chunks.filter((c) => (c.textRank ?? Infinity) <= AGREEMENT_DEPTH).map((c) => c.documentId));
  return [...vector].some((d) => text.has(d)) ? 1 : 0;
}

/** Counts and measurements ("31877", "10m", "184s") in alerts say nothing about the topic. */
const MEASUREMENT = /^\d+[a-z]{0,3}$/;

const SAFE = /^[a-z0-9]+$/;

function alternatives(word: string): string[] {
  const lex = opsLexicon();
  const concepts = findConcepts([stem(word)], lex);
  const alts = new Set([word]);
  for (const c of concepts) for (const t of lex.terms.get(c) ?? []) if (SAFE.test(t)) alts.add(t);
  return [...alts];
}

export async function assessSupport(
  question: string,
  chunks: RetrievedChunk[],
  opts: { top?: number; client?: ReturnType<typeof db> } = {},
): Promise<Support> {
  const top = chunks.slice(0, opts.top ?? 3);
  const similarity = Math.max(0, ...top.map((c) => c.similarity ?? 0), ...chunks.slice(0, 5).map((c) => c.similarity ?? 0));
  const content = new Set(contentWords(question));
  const words = [...new Set(tokenize(question).words.filter((w) => SAFE.test(w) && content.has(stem(w))))].slice(0, 24);
  const textScore = Math.max(0, ...top.map((c) => c.textScore ?? 0));
  const armsAgree = armsAgreement(chunks);
  if (!words.length || !top.length) return { similarity, coverage: top.length ? 1 : 0, unknownShare: 0, textScore, armsAgree, missing: [] };

  const client = opts.client ?? db();
  const ids = top.map((c) => c.chunkId);
  const alts = words.map((w) => alternatives(w).join(" | "));
  const rows = await client.$queryRaw<{ w: string; valid: boolean; df: number; covered: boolean }[]>`
    SELECT q.w, numnode(to_tsquery('english', q.w)) > 0 AS valid,
      (SELECT count(*) FROM (SELECT 1 FROM runbook_chunks c WHERE c.search @@ to_tsquery('english', q.w) LIMIT 1000) s)::int AS df,
      EXISTS (SELECT 1 FROM runbook_chunks c WHERE c.id = ANY(${ids}::uuid[]) AND c.search @@ to_tsquery('english', q.alt)) AS covered
    FROM unnest(${words}::text[], ${alts}::text[]) AS q(w, alt)`;
  const [{ n }] = await client.$queryRaw<{ n: number }[]>(
    Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM runbook_chunks LIMIT 100000) s`,
  );
  let total = 0;
  let covered = 0;
  let unknown = 0;
  const lex = opsLexicon();
  const missing: { w: string; idf: number }[] = [];
  for (const r of rows) {
    if (!r.valid || MEASUREMENT.test(r.w)) continue;
    const df = Number(r.df);
    const namesSomethingElse = df === 0 && namesAThing(r.w) && findConcepts([stem(r.w)], lex).length === 0;
    // An everyday word the knowledge base never uses ("hogging", "tally") or a typo ("memry") is evidence
    // neither way: no passage can contain it, and it does not make the question about something else.
    if (df === 0 && !namesSomethingElse) continue;
    const idf = Math.log((n + 1) / (df + 0.5));
    total += idf;
    if (r.covered) covered += idf;
    else missing.push({ w: r.w, idf });
    if (namesSomethingElse) unknown += idf;
  }
  return {
    similarity,
    // None of its words in the knowledge base at all: nothing can support it.
    coverage: total > 0 ? covered / total : 0,
    unknownShare: total > 0 ? unknown / total : 0,
    textScore,
    armsAgree,
    missing: missing.sort((a, b) => b.idf - a.idf).map((m) => m.w),
  };
}
