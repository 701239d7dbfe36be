/**
 * Retrieval latency and HNSW recall at 1k, 10k and 100k runbook chunks on PostgreSQL + pgvector, in a
 * throwaway database.  npm run bench:rag [-- --sizes 1000,10000,100000] [--queries 200] [--admin-url …]
 *
 * Chunks are generated from the Parcelwise corpus (sentences recombined, service names and codes
 * varied), embedded with the offline embedder, bulk-inserted with multi-row INSERTs (full-text vector
 * computed in SQL), then the HNSW index is (re)built. For each size: p50/p95 of the full hybrid
 * retrieve() (embedding + vector KNN + full text + fusion), of each arm alone, and HNSW recall@10
 * against exact KNN (sequential scan) at several hnsw.ef_search values.
 */
import { loadavg } from "node:os";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { disconnectDb, toVectorLiteral } from "@/lib/db";
import { chunkDocument } from "@/lib/rag/chunk";
import { ragEmbedder } from "@/lib/rag/embedder";
import { listRunbookFiles } from "@/lib/rag/ingest-folder";
import { DEFAULT_EF_SEARCH, retrieve, vectorSearch, fullTextSearch } from "@/lib/rag/retrieve";
import { codeTokens } from "@/lib/rag/search-terms";
import { loadQuestions } from "@/datasets/runbooks/labels";
import { alertQueryText } from "@/lib/rag/incident-query";
import { createTempDatabase } from "./temp-database";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (option("--sizes") ?? "1000,10000,100000").split(",").map(Number);
const QUERIES = Number(option("--queries") ?? 200);
const EF_VALUES = [40, 100, 200];
const BATCH = 500;

/** Deterministic PRNG (mulberry32): the same corpus every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadTemplates() {
  const corpus = path.resolve("datasets/runbooks/corpus");
  const services = (JSON.parse(fs.readFileSync("datasets/catalog/services.json", "utf8")) as { services: { name: string }[] }).services.map((s) => s.name);
  const chunks = listRunbookFiles(corpus).flatMap((file) =>
    chunkDocument(path.relative(corpus, file), fs.readFileSync(file, "utf8")).chunks.map((c) => ({ heading: c.headingPath, content: c.content })),
  );
  return { chunks, services };
}

function makeChunk(rand: () => number, t: ReturnType<typeof loadTemplates>, i: number) {
  const base = t.chunks[Math.floor(rand() * t.chunks.length)];
  const other = t.chunks[Math.floor(rand() * t.chunks.length)];
  const sentences = `${base.content} ${other.content.split(/(?<=[.!?])\s+/).slice(0, 2).join(" ")}`.split(/(?<=[.!?])\s+/);
  for (let k = sentences.length - 1; k > 0; k--) {
    if (rand() < 0.3) {
      const j = Math.floor(rand() * (k + 1));
      [sentences[k], sentences[j]] = [sentences[j], sentences[k]];
    }
  }
  const svc = t.services[Math.floor(rand() * t.services.length)];
  const code = `E-${svc.split("-")[0].toUpperCase()}-${100 + Math.floor(rand() * 900)}`;
  const content = `${sentences.join(" ")} Seen on ${svc} with ${code} (case ${i}).`;
  return { heading: `${base.heading.split(" › ")[0]} (${svc}) › ${base.heading.split(" › ").slice(1).join(" › ") || "Overview"}`, content };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function main() {
  const started = Date.now();
  const tmp = await createTempDatabase({ prefix: "opsrelay_rag_bench", adminUrl: option("--admin-url") });
  const client = new pg.Client({ connectionString: tmp.url });
  await client.connect();
  const lines: string[] = [];
  const log = (s = "") => {
    console.log(s);
    lines.push(s);
  };
  try {
    const embedder = await ragEmbedder();
    const t = loadTemplates();
    const rand = rng(42);
    const questions = loadQuestions().map((q) => (q.alert ? alertQueryText(q.alert) : q.question!));
    const queryTexts = Array.from({ length: QUERIES }, (_, i) => questions[i % questions.length]);
    const [pgVersion] = (await client.query("SELECT current_setting('server_version') AS v, (SELECT extversion FROM pg_extension WHERE extname='vector') AS pgv")).rows;

    log(`# Runbook retrieval benchmark`);
    log();
    log(`- command: \`npm run bench:rag${args.length ? " -- " + args.join(" ") : ""}\``);
    log(`- date: ${new Date().toISOString()}; PostgreSQL ${pgVersion.v}, pgvector ${pgVersion.pgv}, temporary database on 127.0.0.1:5432`);
    // The HNSW index as the migrations define it: dropped before each bulk insert and rebuilt the same way.
    const indexDef = (await client.query(`SELECT pg_get_indexdef('runbook_chunks_embedding_hnsw_idx'::regclass) AS def`)).rows[0].def as string;
    log(`- embedder: ${embedder.model}; ${QUERIES} queries per size (the question set's questions and alert texts, repeated)`);
    log(`- index (from the migrations): \`${indexDef}\``);
    log(`- load average at the start: ${loadavg().map((n) => n.toFixed(2)).join(" / ")} on 2 cores (other work on the machine inflates the timings)`);
    log();
    log(`| chunks | insert s | index build s | hybrid retrieve() p50 / p95 ms | vector arm p50 / p95 ms | full-text arm p50 / p95 ms | HNSW recall@10 (ef_search=${EF_VALUES.join(" / ")}) | exact KNN p50 ms | full-text top-10 overlap with exhaustive search |`);
    log(`|---|---|---|---|---|---|---|---|---|`);

    let inserted = 0;
    let slowest: { ms: number; q: string }[] = [];
    const docId = (await client.query(`INSERT INTO runbook_documents (id, source_path, title, content, content_hash, updated_at) VALUES (gen_random_uuid(), 'bench/synthetic.md', 'Synthetic', '', 'bench', now()) RETURNING id`)).rows[0].id as string;
    for (const size of SIZES) {
      await client.query(`DROP INDEX IF EXISTS runbook_chunks_embedding_hnsw_idx`);
      const insertStart = Date.now();
      while (inserted < size) {
        const n = Math.min(BATCH, size - inserted);
        const rows = Array.from({ length: n }, (_, k) => makeChunk(rand, t, inserted + k));
        const vectors = await embedder.embed(rows.map((r) => `${r.heading.replace(/ › /g, " / ")}\n${r.content}`));
        const values: unknown[] = [];
        const tuples = rows.map((r, k) => {
          const b = k * 6;
          values.push(inserted + k, r.heading, r.content, toVectorLiteral(vectors[k]), embedder.model, codeTokens(`${r.heading}\n${r.content}`).join(" "));
          return `(gen_random_uuid(), '${docId}', $${b + 1}, $${b + 2}, $${b + 3}, 0, $${b + 4}::vector, $${b + 5},
            setweight(to_tsvector('english', $${b + 2}), 'A') || setweight(to_tsvector('english', $${b + 3}), 'B') || setweight(to_tsvector('simple', $${b + 6}), 'A'))`;
        });
        await client.query(
          `INSERT INTO runbook_chunks (id, document_id, ordinal, heading_path, content, token_count, embedding, embedding_model, search) VALUES ${tuples.join(",")}`,
          values,
        );
        inserted += n;
        if (inserted % 10_000 === 0 || inserted === size) process.stderr.write(`inserted ${inserted}/${size}\n`);
      }
      const insertS = (Date.now() - insertStart) / 1000;
      const indexStart = Date.now();
      process.stderr.write(`building HNSW index on ${size} chunks…\n`);
      await client.query(`SET maintenance_work_mem = '512MB'`);
      await client.query(indexDef);
      await client.query(`ANALYZE runbook_chunks`);
      const indexS = (Date.now() - indexStart) / 1000;

      // Warm up (buffer cache, each pool connection's text-search dictionaries, the JIT) with one pass over
      // the queries, then time each path: steady-state latency, not the first calls after a bulk load.
      for (const q of queryTexts) await retrieve(q, { embedder });
      const hybrid: number[] = [];
      const vec: number[] = [];
      const fts: number[] = [];
      const qVectors = await embedder.embed(queryTexts);
      for (const [i, q] of queryTexts.entries()) {
        let s = performance.now();
        await retrieve(q, { embedder, limit: 8 });
        hybrid.push(performance.now() - s);
        s = performance.now();
        await vectorSearch(qVectors[i], embedder.model, { limit: 40 });
        vec.push(performance.now() - s);
        s = performance.now();
        await fullTextSearch(q, { limit: 40 });
        fts.push(performance.now() - s);
      }

      // HNSW recall@10 vs exact KNN, on a sample of the query vectors.
      const sample = qVectors.slice(0, Math.min(100, qVectors.length));
      const exact: string[][] = [];
      const exactMs: number[] = [];
      for (const v of sample) {
        await client.query("BEGIN");
        await client.query("SET LOCAL enable_indexscan = off");
        const s = performance.now();
        const r = await client.query(`SELECT id FROM runbook_chunks ORDER BY embedding <=> $1::vector LIMIT 10`, [toVectorLiteral(v)]);
        exactMs.push(performance.now() - s);
        await client.query("COMMIT");
        exact.push(r.rows.map((x: { id: string }) => x.id));
      }
      const recalls: string[] = [];
      for (const ef of EF_VALUES) {
        let hit = 0;
        for (const [i, v] of sample.entries()) {
          await client.query("BEGIN");
          await client.query(`SET LOCAL hnsw.ef_search = ${ef}`);
          const r = await client.query(`SELECT id FROM runbook_chunks ORDER BY embedding <=> $1::vector LIMIT 10`, [toVectorLiteral(v)]);
          await client.query("COMMIT");
          const got = new Set(r.rows.map((x: { id: string }) => x.id));
          hit += exact[i].filter((id) => got.has(id)).length;
        }
        recalls.push((hit / (sample.length * 10)).toFixed(3));
      }
      // What bounding the full-text arm costs in ranking: overlap of its top 10 with the exhaustive search
      // (every row matching any of the same terms, all ranked by ts_rank_cd), like HNSW against exact KNN.
      let overlap = 0;
      const textSample = queryTexts.slice(0, Math.min(100, queryTexts.length));
      for (const q of textSample) {
        const want = (await fullTextSearch(q, { limit: 10, exhaustive: true })).map((r) => r.chunkId);
        const got = new Set((await fullTextSearch(q, { limit: 10 })).map((r) => r.chunkId));
        overlap += want.length ? want.filter((id) => got.has(id)).length / want.length : 1;
      }
      const f = (xs: number[]) => `${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)}`;
      slowest = fts
        .map((ms, i) => ({ ms, q: queryTexts[i] }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5);
      log(`| ${size.toLocaleString("en")} | ${insertS.toFixed(1)} | ${indexS.toFixed(1)} | ${f(hybrid)} | ${f(vec)} | ${f(fts)} | ${recalls.join(" / ")} | ${pct(exactMs, 50).toFixed(1)} | ${(overlap / textSample.length).toFixed(3)} |`);
    }
    const plan = await client.query(
      `EXPLAIN SELECT c.id FROM runbook_chunks c JOIN runbook_documents d ON d.id = c.document_id WHERE c.embedding_model = $1 ORDER BY c.embedding <=> $2::vector LIMIT 40`,
      [embedder.model, toVectorLiteral((await embedder.embed(["x"]))[0])],
    );
    log();
    log(`The app queries with hnsw.ef_search = ${DEFAULT_EF_SEARCH} (lib/rag/retrieve.ts). Plan of the vector arm at the largest size:`);
    log();
    log("```");
    for (const r of plan.rows) log(r["QUERY PLAN"]);
    log("```");
    log();
    log(`Slowest full-text queries at the largest size:`);
    log();
    for (const x of slowest) log(`- ${x.ms.toFixed(1)} ms: ${JSON.stringify(x.q.slice(0, 160))}`);
    log();
    log(`Finished in ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end: ${loadavg().map((n) => n.toFixed(2)).join(" / ")}.`);
    if (!args.includes("--no-write")) {
      fs.writeFileSync(path.resolve("bench/rag/bench-results.md"), lines.join("\n") + "\n");
      console.error("wrote bench/rag/bench-results.md");
    }
  } finally {
    await client.end();
    await disconnectDb();
    if (args.includes("--keep")) console.error(`kept ${tmp.url}`);
    else await tmp.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
