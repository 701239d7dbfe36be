import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import type { Embedder } from "@/lib/ml/types";
import { ingestRunbook, pruneRunbooks, type IngestResult } from "./ingest";

export const RUNBOOK_EXTENSIONS = /\.(md|markdown|txt)$/i;

export function listRunbookFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (RUNBOOK_EXTENSIONS.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

export interface FolderSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  pruned: string[];
  results: IngestResult[];
}

/**
 * Ingests every runbook under `dir`; source paths are relative to `dir`. One bad file is reported and
 * skipped, the rest still load. Pruning only runs when every file loaded (a failed read must not
 * delete its document).
 */
export async function ingestFolder(
  dir: string,
  opts: {
    prune?: boolean;
    embedder?: Embedder;
    onProgress?: (p: { done: number; total: number; result: IngestResult }) => void;
    onError?: (file: string, error: Error) => void;
  } = {},
): Promise<FolderSummary> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`not a directory: ${dir}`);
  const files = listRunbookFiles(dir);
  const summary: FolderSummary = { created: 0, updated: 0, unchanged: 0, failed: 0, pruned: [], results: [] };
  const seen: string[] = [];
  for (const [i, file] of files.entries()) {
    const sourcePath = path.relative(dir, file).split(path.sep).join("/");
    seen.push(sourcePath);
    try {
      const result = await ingestRunbook({ sourcePath, content: fs.readFileSync(file, "utf8") }, { embedder: opts.embedder });
      summary[result.status]++;
      summary.results.push(result);
      opts.onProgress?.({ done: i + 1, total: files.length, result });
    } catch (error) {
      summary.failed++;
      opts.onError?.(file, error as Error);
    }
  }
  if (opts.prune && summary.failed === 0) summary.pruned = await pruneRunbooks(seen);
  // After a bulk load, fresh statistics at once (rather than whenever autovacuum gets to it): the
  // full-text arm reads its term frequencies from them (fulltext-search.ts).
  if (summary.created + summary.updated + summary.pruned.length > 0) await db().$executeRawUnsafe("ANALYZE runbook_chunks");
  return summary;
}
