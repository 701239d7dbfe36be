/**
 * Tunes the offline embedder on the question set's DEV split only (recall@5 and MRR of vector-only and
 * hybrid retrieval), in a throwaway database:  npx tsx bench/rag/tune-embedder.ts
 * Settings vary the share of the corpus term vectors and how they are learned (dimensions, window).
 * The chosen values go into lib/ml/embed (SEMANTIC_SHARE, LEARN_DEFAULTS) by hand, ALGORITHM_VERSION is
 * bumped, and the artifact is re-learned with `npm run ml:terms`.
 */
import fs from "node:fs";
import path from "node:path";
import { disconnectDb } from "@/lib/db";
import { LEARN_DEFAULTS, learnTermVectors } from "@/lib/ml/embed/learn-term-vectors";
import { embedText } from "@/lib/ml/embed/offline";
import { TermVectors } from "@/lib/ml/embed/term-vectors";
import { buildLexicon, opsLexicon } from "@/lib/ml/embed/text-features";
import type { Embedder } from "@/lib/ml/types";
import { chunkDocument } from "@/lib/rag/chunk";
import { alertQueryText } from "@/lib/rag/incident-query";
import { chunkEmbeddingText } from "@/lib/rag/ingest";
import { ingestFolder, listRunbookFiles } from "@/lib/rag/ingest-folder";
import { retrieve, type RetrievalMode } from "@/lib/rag/retrieve";
import { chunkMatches, loadQuestions, targetsOf } from "@/datasets/runbooks/labels";
import { createTempDatabase } from "./temp-database";

interface Setting {
  /** Without the lexicon: how the embedder does on words the lexicon does not know (the dev paraphrases were written with it visible). */
  noLexicon?: boolean;
  share: number;
  dims?: number;
  window?: number;
  minCount?: number;
}

const SETTINGS: Record<string, Setting> = Object.fromEntries(
  (process.argv.slice(2).length ? process.argv.slice(2) : ["0", "0.2", "0.35", "0.5", "0.35:32", "0.35:96", "0.35:64:4", "0.35:64:16"]).map((s) => {
    const [share, dims, window, minCount] = s.replace(/^nolex:/, "").split(":").map(Number);
    return [s, { share, dims, window, minCount, noLexicon: s.startsWith("nolex:") }];
  }),
);

const corpus = path.resolve("datasets/runbooks/corpus");
const texts = listRunbookFiles(corpus).flatMap((file) =>
  chunkDocument(path.relative(corpus, file).split(path.sep).join("/"), fs.readFileSync(file, "utf8")).chunks.map(chunkEmbeddingText),
);

const noLexicon = buildLexicon({ groups: [] });

function embedderFor(name: string, s: Setting): Embedder {
  const lexicon = s.noLexicon ? noLexicon : opsLexicon();
  const learn = { dims: s.dims ?? LEARN_DEFAULTS.dims, window: s.window ?? LEARN_DEFAULTS.window, minCount: s.minCount ?? LEARN_DEFAULTS.minCount, lexicon };
  const terms = s.share > 0 ? new TermVectors(learnTermVectors(texts, learn), lexicon) : null;
  return {
    model: `tune-${name}`,
    dimensions: 384,
    embed: async (batch) => batch.map((t) => Array.from(embedText(t, { terms, lexicon, semanticShare: s.share }))),
  };
}

async function main() {
  const tmp = await createTempDatabase({ prefix: "opsrelay_rag_tune" });
  try {
    const questions = loadQuestions().filter((q) => q.split === "dev" && q.kind !== "unanswerable");
    for (const [name, setting] of Object.entries(SETTINGS)) {
      const embedder = embedderFor(name, setting);
      await ingestFolder(corpus, { embedder });
      const line: string[] = [];
      for (const mode of ["vector", "hybrid"] as RetrievalMode[]) {
        let r5 = 0;
        let mrr = 0;
        for (const q of questions) {
          const text = q.alert ? alertQueryText(q.alert) : q.question!;
          const results = await retrieve(text, { mode, limit: 10, embedder, expand: !setting.noLexicon });
          const ranks = q.relevant!.map((r) => {
            const i = results.findIndex((c) => targetsOf(r).some((t) => chunkMatches(c, t)));
            return i < 0 ? Infinity : i + 1;
          });
          r5 += ranks.filter((x) => x <= 5).length / ranks.length;
          mrr += 1 / Math.min(...ranks);
        }
        line.push(`${mode} recall@5 ${(r5 / questions.length).toFixed(3)} MRR ${(mrr / questions.length).toFixed(3)}`);
      }
      console.log(`${name.padEnd(12)} dev ${line.join(" | ")}`);
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
