/**
 * Checks that every paraphrase question shares none of the answer's rare words (stemmed content words
 * found in at most 5% of the corpus chunks). Run: npx tsx datasets/runbooks/check-paraphrase.ts
 */
import fs from "node:fs";
import path from "node:path";
import { contentWords } from "@/lib/ml/embed/text-features";
import { chunkDocument } from "@/lib/rag/chunk";
import { listRunbookFiles } from "@/lib/rag/ingest-folder";
import { chunkMatches, loadQuestions, targetsOf } from "./labels";

const corpus = path.join(import.meta.dirname, "corpus");
const chunks = listRunbookFiles(corpus).flatMap((file) => {
  const sourcePath = path.relative(corpus, file).split(path.sep).join("/");
  return chunkDocument(sourcePath, fs.readFileSync(file, "utf8")).chunks.map((c) => ({ sourcePath, headingPath: c.headingPath, text: `${c.headingPath}\n${c.content}` }));
});
const df = new Map<string, number>();
for (const c of chunks) for (const w of new Set(contentWords(c.text))) df.set(w, (df.get(w) ?? 0) + 1);
const rare = (w: string) => (df.get(w) ?? 0) <= chunks.length * 0.05;

let bad = 0;
const questions = loadQuestions().filter((q) => q.kind === "paraphrase");
for (const q of questions) {
  const answerWords = new Set(
    chunks
      .filter((c) => q.relevant!.some((r) => targetsOf(r).some((t) => chunkMatches(c, t))))
      .flatMap((c) => contentWords(c.text)),
  );
  const shared = [...new Set(contentWords(q.question!))].filter((w) => rare(w) && answerWords.has(w));
  if (shared.length) {
    bad++;
    console.log(`${q.id}: shares rare words [${shared.join(", ")}] — "${q.question}"`);
  }
}
console.log(`${questions.length - bad}/${questions.length} paraphrase questions share no rare word with their answer (${chunks.length} chunks)`);
process.exit(bad ? 1 : 0);
