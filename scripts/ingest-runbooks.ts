/**
 * Ingests a folder of runbooks (.md, .markdown, .txt):  npm run runbooks:ingest -- <dir> [--prune]
 * Unchanged documents are skipped (content hash); --prune deletes documents whose files are gone.
 */
import { ensureDatabaseUrl } from "@/lib/db/embedded";
import { disconnectDb } from "@/lib/db";
import { ingestFolder } from "@/lib/rag/ingest-folder";

async function main() {
  const args = process.argv.slice(2);
  const prune = args.includes("--prune");
  const dir = args.find((a) => !a.startsWith("--"));
  if (!dir) {
    console.error("usage: npm run runbooks:ingest -- <dir> [--prune]");
    process.exit(2);
  }
  await ensureDatabaseUrl();
  const summary = await ingestFolder(dir, {
    prune,
    onProgress: (p) => console.log(`[${p.done}/${p.total}] ${p.result.status.padEnd(9)} ${p.result.sourcePath} (${p.result.chunks} chunks)`),
    onError: (file, error) => console.error(`failed ${file}: ${error.message}`),
  });
  console.log(
    `done: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed` +
      (prune ? `, ${summary.pruned.length} pruned` : ""),
  );
  await disconnectDb();
  process.exit(summary.failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
