/**
 * Learns the offline embedder's corpus term vectors from a folder of runbooks (the same chunks and text
 * that ingestion embeds) and writes lib/ml/models/corpus-term-vectors.json:
 *   npm run ml:terms -- [dir]        (default datasets/runbooks/corpus)
 * The artifact's hash is part of the offline model name, so afterwards re-ingest the runbooks and run
 * `npm run ml:reembed`: vectors of the old model are never compared with new ones.
 */
import fs from "node:fs";
import path from "node:path";
import { learnTermVectors } from "@/lib/ml/embed/learn-term-vectors";
import { chunkDocument } from "@/lib/rag/chunk";
import { chunkEmbeddingText } from "@/lib/rag/ingest";
import { listRunbookFiles } from "@/lib/rag/ingest-folder";

const dir = path.resolve(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "datasets/runbooks/corpus");
const out = path.resolve("lib/ml/models/corpus-term-vectors.json");
const files = listRunbookFiles(dir);
const texts = files.flatMap((file) => {
  const sourcePath = path.relative(dir, file).split(path.sep).join("/");
  return chunkDocument(sourcePath, fs.readFileSync(file, "utf8")).chunks.map(chunkEmbeddingText);
});
const started = Date.now();
const artifact = learnTermVectors(texts);
artifact.learnedFrom = { chunks: texts.length, documents: files.length, source: path.relative(process.cwd(), dir) || "." };
fs.writeFileSync(out, JSON.stringify(artifact) + "\n");
console.log(`${artifact.units.length} terms × ${artifact.params.dims} dims from ${files.length} runbooks (${texts.length} chunks) in ${Date.now() - started} ms → ${path.relative(process.cwd(), out)}`);
