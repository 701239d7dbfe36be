/**
 * Reciprocal rank fusion (Cormack et al. 2009): score(d) = Σ_lists 1 / (k + rank_d). Rank-based, so the
 * arms' incomparable scores (cosine vs ts_rank) never need normalizing. k = 60 is the paper's value.
 * Optional per-list weights (weighted RRF) let the more reliable arm count more.
 */
export function reciprocalRankFusion(lists: string[][], k = 60, weights?: number[]): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  for (const [l, list] of lists.entries()) {
    const w = weights?.[l] ?? 1;
    list.forEach((id, i) => {
      scores.set(id, (scores.get(id) ?? 0) + w / (k + i + 1));
      if (!firstSeen.has(id)) firstSeen.set(id, order++);
    });
  }
  // Ties (same ranks in different lists) keep a stable order: first list wins.
  return [...scores.entries()]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || firstSeen.get(a.id)! - firstSeen.get(b.id)!);
}
