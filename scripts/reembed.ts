/**
 * `npm run ml:reembed`: re-embeds alerts whose embedding_model differs from the configured embedder
 * (EMBEDDING_PROVIDER...), after changing the embedding model. Runbook chunks are re-indexed by the
 * runbook ingestion. Options: --batch 64
 */
import { ensureDatabaseUrl } from "@/lib/db/embedded";
import { db, disconnectDb } from "@/lib/db";
import { getEmbedder } from "@/lib/ml";
import { reembedAlerts } from "@/lib/ml/reembed";

const args = process.argv.slice(2);
const batchSize = args.includes("--batch") ? Number(args[args.indexOf("--batch") + 1]) : 64;
if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("--batch must be a positive whole number");

await ensureDatabaseUrl();
const embedder = await getEmbedder();
console.log(`[reembed] current model: ${embedder.model}`);
const started = Date.now();
const result = await reembedAlerts(db(), embedder, {
  batchSize,
  onProgress: (p) => console.log(`[reembed] ${p.done}/${p.total} re-embedded${p.failed ? `, ${p.failed} failed` : ""} (${((Date.now() - started) / 1000).toFixed(1)}s)`),
});
console.log(`[reembed] done: ${result.done} re-embedded, ${result.failed} failed, of ${result.total} with another model`);
await disconnectDb();
process.exit(result.failed > 0 ? 1 : 0);
