/**
 * Tunes the offline embedder's feature weights on the question set's DEV split only (vector-only
 * retrieval, recall@5 and MRR), in a throwaway database.  npx tsx bench/rag/tune-embedder.ts
 * Prints one line per setting; the chosen weights go into FEATURE_WEIGHTS by hand (and the embedder's
 * ALGORITHM_VERSION is bumped, since vectors change).
 */
import path from "node:path";
import { disconnectDb } from "@/lib/db";
import { embedText } from "@/lib/ml/embed/offline";
import { FEATURE_WEIGHTS, opsLexicon, type FeatureWeights } from "@/lib/ml/embed/text-features";
import type { Embedder } from "@/lib/ml/types";
import { alertQueryText } from "@/lib/rag/incident-query";
import { ingestFolder } from "@/lib/rag/ingest-folder";
import { retrieve } from "@/lib/rag/retrieve";
import { chunkMatches, loadQuestions, targetsOf } from "@/datasets/runbooks/labels";
import { createTempDatabase } from "./temp-database";

function embedderWith(w: FeatureWeights, name: string): Embedder {
  const lex = opsLexicon();
  return { model: `tune-${name}`, dimensions: 384, embed: async (texts) => texts.map((t) => Array.from(embedText(t, lex, w))) };
}

const SETTINGS: Record<string, Partial<FeatureWeights>> = {
  current: {},
  "concept-2-bigram-0.3": { concept: 2, bigram: 0.3 },
  "concept-2-bigram-0.3-char-0.6": { concept: 2, bigram: 0.3, charTotal: 0.6 },
  "concept-2.5-bigram-0.3-char-0.6": { concept: 2.5, bigram: 0.3, charTotal: 0.6 },
  "concept-2-bigram-0.3-compound-2": { concept: 2, bigram: 0.3, compound: 2 },
};

async function main() {
  const tmp = await createTempDatabase({ prefix: "opsrelay_rag_tune" });
  try {
    const questions = loadQuestions().filter((q) => q.split === "dev" && q.kind !== "unanswerable");
    for (const [name, patch] of Object.entries(SETTINGS)) {
      const embedder = embedderWith({ ...FEATURE_WEIGHTS, ...patch }, name);
      await ingestFolder(path.resolve("datasets/runbooks/corpus"), { embedder });
      let r5 = 0;
      let mrr = 0;
      for (const q of questions) {
        const text = q.alert ? alertQueryText(q.alert) : q.question!;
        const results = await retrieve(text, { mode: "vector", limit: 10, embedder });
        const ranks = q.relevant!.map((r) => {
          const i = results.findIndex((c) => targetsOf(r).some((t) => chunkMatches(c, t)));
          return i < 0 ? Infinity : i + 1;
        });
        r5 += ranks.filter((x) => x <= 5).length / ranks.length;
        mrr += 1 / Math.min(...ranks);
      }
      console.log(`${name.padEnd(24)} dev vector recall@5 ${(r5 / questions.length).toFixed(3)}  MRR ${(mrr / questions.length).toFixed(3)}`);
    }
  } finally {
    await disconnectDb();
    await tmp.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
