import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/runbooks/route";
import { DELETE as deleteRoute, GET as getRoute } from "@/app/api/runbooks/[id]/route";
import { ingestFolder } from "@/lib/rag/ingest-folder";
import { ingestRunbook } from "@/lib/rag/ingest";
import { DEFAULT_ARM_WEIGHTS, RRF_K, retrieve } from "@/lib/rag/retrieve";
import { resetDatabase } from "../helpers/db";

const LEDGER = `---
title: Ledger error codes
service: ledger-service
team: payments
---
# Ledger error codes

## E-LEDGER-409

Posting conflict: the idempotency key was reused with another amount. Never retry blindly.

## E-LEDGER-500

Internal ledger failure; page payments on-call.
`;

const ORACLE = `# Ledger DB

## Deadlocks

ORA-00060 deadlock detected while waiting for resource: pause the payouts posting job.
`;

const PG = `---
title: PostgreSQL connections
service: payments-db
team: payments
url: https://wiki.example/runbooks/pg-connections
---
# PostgreSQL connections

## Too many clients

SQLSTATE 53300 too_many_connections: terminate sessions idle in transaction, lower DB_POOL_MAX.

## ECONNREFUSED at start-up

connect ECONNREFUSED 10.0.0.5:5432 means the database is down or the service points at the wrong host.
`;

const ROUTING = `---
title: Routing database failover
service: routing-db
team: routing
---
# Routing database failover

## Promote the standby

The database stops accepting writes when the leader is lost. Promote the standby with patronictl failover.
`;

const PAYMENTS_FAILOVER = `---
title: Payments database failover
service: payments-db
team: payments
---
# Payments database failover

## Promote the standby

The database stops accepting writes when the leader is lost. Promote the standby with patronictl failover.
`;

async function seed() {
  for (const [p, c] of [
    ["payments/ledger-codes.md", LEDGER],
    ["databases/ledger-oracle.md", ORACLE],
    ["databases/pg-connections.md", PG],
    ["databases/routing-failover.md", ROUTING],
    ["databases/payments-failover.md", PAYMENTS_FAILOVER],
  ]) {
    await ingestRunbook({ sourcePath: p, content: c });
  }
}

const json = (body: unknown) =>
  new Request("http://localhost/api/runbooks", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const noCtx = undefined as never;
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });

describe("runbook ingest", () => {
  beforeEach(resetDatabase);

  it("stores chunks with embeddings, model and a full-text vector", async () => {
    const r = await ingestRunbook({ sourcePath: "payments/ledger-codes.md", content: LEDGER });
    expect(r).toMatchObject({ status: "created", title: "Ledger error codes", chunks: 2 });
    const rows = await db().$queryRaw<{ heading_path: string; has_vec: boolean; model: string; has_search: boolean }[]>`
      SELECT heading_path, embedding IS NOT NULL AS has_vec, embedding_model AS model, search IS NOT NULL AS has_search
      FROM runbook_chunks ORDER BY ordinal`;
    expect(rows.map((x) => x.heading_path)).toEqual(["Ledger error codes › E-LEDGER-409", "Ledger error codes › E-LEDGER-500"]);
    expect(rows.every((x) => x.has_vec && x.has_search && x.model.startsWith("opsrelay-offline-hash"))).toBe(true);
    const doc = await db().runbookDocument.findFirstOrThrow();
    expect(doc).toMatchObject({ service: "ledger-service", team: "payments" });
  });

  it("does no work for unchanged content and replaces the chunks of a changed document", async () => {
    const first = await ingestRunbook({ sourcePath: "a.md", content: PG });
    const chunkIds = (await db().runbookChunk.findMany({ select: { id: true } })).map((c) => c.id).sort();
    const again = await ingestRunbook({ sourcePath: "a.md", content: PG });
    expect(again).toMatchObject({ id: first.id, status: "unchanged" });
    expect((await db().runbookChunk.findMany({ select: { id: true } })).map((c) => c.id).sort()).toEqual(chunkIds);

    const changed = await ingestRunbook({ sourcePath: "a.md", content: PG.replace("## ECONNREFUSED at start-up", "## Refused connections") });
    expect(changed).toMatchObject({ id: first.id, status: "updated" });
    const headings = (await db().runbookChunk.findMany({ orderBy: { ordinal: "asc" } })).map((c) => c.headingPath);
    expect(headings).toContain("PostgreSQL connections › Refused connections");
    expect(headings).not.toContain("PostgreSQL connections › ECONNREFUSED at start-up");
    expect(await db().runbookDocument.count()).toBe(1);
  });

  it("ingests a folder, skips unchanged files on the second run and prunes removed ones with the flag", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "runbooks-"));
    fs.mkdirSync(path.join(dir, "db"));
    fs.writeFileSync(path.join(dir, "db", "pg.md"), PG);
    fs.writeFileSync(path.join(dir, "ledger.md"), LEDGER);
    fs.writeFileSync(path.join(dir, "notes.txt"), "Plain notes\n\nRestart strongswan on the site router.");
    fs.writeFileSync(path.join(dir, "image.png"), "not a runbook");
    const progress: string[] = [];
    const first = await ingestFolder(dir, { onProgress: (p) => progress.push(`${p.done}/${p.total}`) });
    expect(first).toMatchObject({ created: 3, failed: 0 });
    expect(progress).toEqual(["1/3", "2/3", "3/3"]);
    expect((await db().runbookDocument.findMany({ orderBy: { sourcePath: "asc" } })).map((d) => d.sourcePath)).toEqual([
      "db/pg.md",
      "ledger.md",
      "notes.txt",
    ]);

    fs.rmSync(path.join(dir, "ledger.md"));
    const second = await ingestFolder(dir);
    expect(second).toMatchObject({ unchanged: 2, created: 0, pruned: [] });
    expect(await db().runbookDocument.count()).toBe(3);
    const third = await ingestFolder(dir, { prune: true });
    expect(third.pruned).toEqual(["ledger.md"]);
    expect(await db().runbookDocument.count()).toBe(2);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("hybrid retrieval", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seed();
  });

  it.each([
    ["what does E-LEDGER-409 mean", "Ledger error codes › E-LEDGER-409"],
    ["ORA-00060", "Ledger DB › Deadlocks"],
    ["53300", "PostgreSQL connections › Too many clients"],
    ["ECONNREFUSED", "PostgreSQL connections › ECONNREFUSED at start-up"],
  ])("finds the exact code in %s first, in full-text-only mode too", async (query, heading) => {
    for (const mode of ["hybrid", "fulltext"] as const) {
      const [top] = await retrieve(query, { mode, limit: 3 });
      expect(top?.headingPath, `${mode}: ${query}`).toBe(heading);
    }
  });

  it("does not confuse sibling codes that stemming would merge", async () => {
    const results = await retrieve("E-LEDGER-409", { mode: "fulltext", limit: 5 });
    expect(results[0].headingPath).toBe("Ledger error codes › E-LEDGER-409");
    const other = results.find((r) => r.headingPath.endsWith("E-LEDGER-500"));
    if (other) expect(other.textScore!).toBeLessThan(results[0].textScore!);
  });

  it("fuses both arms: a chunk found by vector and full text carries both ranks and outranks single-arm hits", async () => {
    const results = await retrieve("database stops accepting writes, promote the standby", { limit: 10 });
    const both = results.filter((r) => r.vectorRank && r.textRank);
    expect(both.length).toBeGreaterThan(0);
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const r of results) {
      const w = DEFAULT_ARM_WEIGHTS;
      const expected = (r.vectorRank ? w.vector / (RRF_K + r.vectorRank) : 0) + (r.textRank ? w.text / (RRF_K + r.textRank) : 0);
      expect(r.score).toBeCloseTo(expected, 12);
    }
  });

  it("filters by service and by team", async () => {
    const q = "promote the standby, database stops accepting writes";
    const routing = await retrieve(q, { service: "routing-db" });
    expect(routing.length).toBeGreaterThan(0);
    expect(routing.every((r) => r.service === "routing-db")).toBe(true);
    const payments = await retrieve(q, { team: "payments", mode: "vector" });
    expect(payments.every((r) => r.team === "payments")).toBe(true);
    expect(payments.map((r) => r.sourcePath)).toContain("databases/payments-failover.md");
    expect(await retrieve(q, { team: "nobody" })).toEqual([]);
  });

  it("falls back to full text when the embedder fails (hosted provider down)", async () => {
    const broken = { model: "broken-model", dimensions: 384 as const, embed: async () => Promise.reject(new Error("503 from provider")) };
    const results = await retrieve("ORA-00060", { embedder: broken });
    expect(results[0].headingPath).toBe("Ledger DB › Deadlocks");
    expect(results[0].vectorRank).toBeUndefined();
  });

  it("with PostgreSQL's statistics, a common word is only a bounded side candidate: the rare word's answer ranks first", async () => {
    // 600 filler chunks all saying "service", then ANALYZE: "service" becomes a most-common lexeme.
    const filler = Array.from({ length: 600 }, (_, i) => `## Note ${i}\n\nThe service restarted normally.`).join("\n\n");
    await ingestRunbook({ sourcePath: "filler.md", content: `# Filler\n\n${filler}` });
    await db().$executeRawUnsafe("ANALYZE runbook_chunks");
    const [{ common }] = await db().$queryRaw<{ common: boolean }[]>`
      SELECT 'servic' = ANY(most_common_elems::text::text[]) AS common FROM pg_stats WHERE tablename = 'runbook_chunks' AND attname = 'search'`;
    expect(common).toBe(true);
    const results = await retrieve("service deadlock", { mode: "fulltext", limit: 3 });
    expect(results[0].headingPath).toBe("Ledger DB › Deadlocks");
    // Still found through the common word alone:
    expect((await retrieve("service restarted", { mode: "fulltext", limit: 3 }))[0].sourcePath).toBe("filler.md");
  });

  it("ranks the runbook an alert links to first, by url or by file name", async () => {
    const byUrl = await retrieve("something unrelated about printers", { runbookUrls: ["https://wiki.example/runbooks/pg-connections"] });
    expect(byUrl[0]).toMatchObject({ sourcePath: "databases/pg-connections.md", pinned: true });
    const bySlug = await retrieve("promote", { runbookUrls: ["https://other-wiki.example/x/routing-failover#promote"] });
    expect(bySlug[0]).toMatchObject({ sourcePath: "databases/routing-failover.md", pinned: true });
  });
});

describe("runbooks API", () => {
  beforeEach(resetDatabase);

  it("uploads JSON and multipart, lists, reads and deletes", async () => {
    const created = await uploadRoute(json({ path: "databases/pg.md", content: PG }), noCtx);
    expect(created.status).toBe(201);
    const { runbooks } = await created.json();
    expect(runbooks[0]).toMatchObject({ sourcePath: "databases/pg.md", status: "created", chunks: 2 });

    const again = await uploadRoute(json({ path: "databases/pg.md", content: PG }), noCtx);
    expect(again.status).toBe(200);
    expect((await again.json()).runbooks[0].status).toBe("unchanged");

    const form = new FormData();
    form.append("file", new File([LEDGER], "ledger.md", { type: "text/markdown" }));
    const multipart = await uploadRoute(new Request("http://localhost/api/runbooks", { method: "POST", body: form }), noCtx);
    expect(multipart.status).toBe(201);

    const list = await (await listRoute(new Request("http://localhost/api/runbooks?team=payments"), noCtx)).json();
    expect(list.runbooks.map((r: { sourcePath: string }) => r.sourcePath).sort()).toEqual(["databases/pg.md", "ledger.md"]);

    const id = runbooks[0].id;
    const one = await (await getRoute(new Request(`http://localhost/api/runbooks/${id}`), idCtx(id))).json();
    expect(one.runbook.chunks.map((c: { headingPath: string }) => c.headingPath)).toEqual([
      "PostgreSQL connections › Too many clients",
      "PostgreSQL connections › ECONNREFUSED at start-up",
    ]);
    const del = await deleteRoute(new Request(`http://localhost/api/runbooks/${id}`, { method: "DELETE" }), idCtx(id));
    expect(del.status).toBe(200);
    expect(await db().runbookChunk.count({ where: { documentId: id } })).toBe(0);
    expect((await deleteRoute(new Request("http://localhost/"), idCtx(id))).status).toBe(404);
  });

  it("answers bad input with a JSON error naming the problem", async () => {
    const missing = await uploadRoute(json({ path: "x.md" }), noCtx);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toMatch(/content/);

    const badExt = await uploadRoute(json({ path: "x.pdf", content: "x" }), noCtx);
    expect((await badExt.json()).error.message).toMatch(/\.md/);

    const traversal = await uploadRoute(json({ path: "../etc/x.md", content: "x" }), noCtx);
    expect(traversal.status).toBe(400);

    const broken = await uploadRoute(
      new Request("http://localhost/api/runbooks", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }),
      noCtx,
    );
    expect((await broken.json()).error.code).toBe("invalid_json");

    const wrongType = await uploadRoute(new Request("http://localhost/api/runbooks", { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" }), noCtx);
    expect(wrongType.status).toBe(415);

    const badId = await getRoute(new Request("http://localhost/"), idCtx("nope"));
    expect(badId.status).toBe(400);
    expect(await db().runbookDocument.count()).toBe(0);
  });
});
