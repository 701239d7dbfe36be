import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { POST as copilotRoute } from "@/app/api/copilot/route";
import { askOnce, ask } from "@/lib/rag/answer";
import { ingestRunbook } from "@/lib/rag/ingest";
import { NOT_COVERED } from "@/lib/rag/offline-answer";
import { SYSTEM_PROMPT } from "@/lib/rag/prompt";
import { startFakeAnthropic, type FakeAnthropic } from "../fakes/anthropic-server";
import { resetDatabase } from "../helpers/db";

const FAILOVER = `---
title: Payments DB failover
service: payments-db
team: payments
url: https://wiki.example/runbooks/payments-db-failover
---
# Payments DB failover

## Symptoms

Applications log cannot execute INSERT in a read-only transaction; alert PostgresPrimaryDown fires.

## Manual failover

1. Stop the writers: \`kubectl -n payments scale deploy --replicas=0 -l writes-to=payments-db\`
2. Promote the standby:

   \`\`\`bash
   patronictl -c /etc/patroni.yml failover pg-payments --candidate pg-payments-1 --force
   \`\`\`

3. Scale the writers back up and watch the error rate.
`;

const KAFKA = `# Kafka consumer lag

## Mitigation

Scale the consumer deployment up to the number of partitions. Skip a poison message with kafka-consumer-groups --reset-offsets.
`;

const CERTS = `# TLS certificates

## Certificate already expired

Issue a manual certificate from Vault and load it as the kubernetes TLS secret.
`;

let fake: FakeAnthropic;

function useClaude(overrides: Record<string, string> = {}) {
  Object.assign(process.env, { ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_MAX_RETRIES: "0", ANTHROPIC_TIMEOUT_MS: "3000", ...overrides });
  resetEnv();
}

function offline() {
  for (const k of ["ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "ANTHROPIC_MAX_RETRIES", "ANTHROPIC_TIMEOUT_MS"]) delete process.env[k];
  resetEnv();
}

beforeAll(async () => {
  fake = await startFakeAnthropic();
  await resetDatabase();
  await ingestRunbook({ sourcePath: "databases/payments-db-failover.md", content: FAILOVER });
  await ingestRunbook({ sourcePath: "queues/kafka-lag.md", content: KAFKA });
  await ingestRunbook({ sourcePath: "platform/certs.md", content: CERTS });
});

afterAll(async () => {
  offline();
  await fake.close();
});

beforeEach(async () => {
  fake.reset();
  await db().copilotQuery.deleteMany();
});
afterEach(offline);

describe("offline answers", () => {
  it("answers from the best passages with citations, steps and code intact, and logs the query", async () => {
    const done = await askOnce({ question: "payments db is read only, how do I promote the standby?" });
    expect(done.declined).toBe(false);
    expect(done.provider).toBe("offline");
    expect(done.citations[0]).toMatchObject({
      n: 1,
      title: "Payments DB failover",
      headingPath: "Payments DB failover › Manual failover",
      sourcePath: "databases/payments-db-failover.md",
      href: "https://wiki.example/runbooks/payments-db-failover#manual-failover",
    });
    expect(done.answer).toContain("[1]");
    expect(done.answer).toContain("1. Stop the writers");
    expect(done.answer).toMatch(/```bash\n\s*patronictl -c \/etc\/patroni.yml failover pg-payments --candidate pg-payments-1 --force\n\s*```/);
    expect(done.answer).toContain("3. Scale the writers back up");

    const row = await db().copilotQuery.findUniqueOrThrow({ where: { id: done.queryId } });
    expect(row).toMatchObject({ declined: false, provider: "offline", error: null });
    const retrieved = row.retrieved as { chunks: { chunkId: string; score: number }[]; support: { similarity: number; coverage: number } };
    expect(retrieved.chunks.length).toBeGreaterThan(0);
    expect(retrieved.chunks[0].score).toBeGreaterThan(0);
    expect((row.citations as { chunkId: string }[])[0].chunkId).toBe(done.citations[0].chunkId);
  });

  it("declines what the runbooks don't cover, and logs the decline", async () => {
    const done = await askOnce({ question: "what is the wifi password at the Rotterdam office" });
    expect(done.declined).toBe(true);
    expect(done.citations).toEqual([]);
    expect(done.answer.startsWith(NOT_COVERED)).toBe(true);
    const row = await db().copilotQuery.findUniqueOrThrow({ where: { id: done.queryId } });
    expect(row.declined).toBe(true);
  });
});

describe("Claude answers (local fake of the Messages API, real SDK)", () => {
  it("streams the answer in pieces with a bounded, grounded prompt", async () => {
    useClaude();
    fake.enqueue({ text: "Promote the standby with patronictl failover [1], after stopping the writers [1].", chunkSize: 8 });
    const deltas: string[] = [];
    let meta: unknown;
    let done: Awaited<ReturnType<typeof askOnce>> | undefined;
    for await (const ev of ask({ question: "payments db read only, how to promote the standby" })) {
      if (ev.type === "meta") meta = ev;
      if (ev.type === "delta") deltas.push(ev.text);
      if (ev.type === "done") done = ev;
    }
    expect(meta).toMatchObject({ provider: "anthropic", declined: false });
    expect(deltas.length).toBeGreaterThan(3);
    expect(done!.answer).toBe("Promote the standby with patronictl failover [1], after stopping the writers [1].");
    const req = fake.requests[0].body;
    expect(req.stream).toBe(true);
    expect(req.system).toBe(SYSTEM_PROMPT);
    const user = JSON.stringify(req.messages);
    expect(user).toContain('<passage n=\\"1\\"');
    expect(user).toContain("patronictl");
    expect(user.length).toBeLessThan(20_000);
    const row = await db().copilotQuery.findUniqueOrThrow({ where: { id: done!.queryId } });
    expect(row).toMatchObject({ provider: "anthropic", error: null, declined: false });
  });

  it("falls back to the offline answer on an API error and records it", async () => {
    useClaude();
    fake.enqueue({ error: 500 });
    const done = await askOnce({ question: "payments db read only, how to promote the standby" });
    expect(done.provider).toBe("offline");
    expect(done.error).toBe("anthropic: HTTP 500");
    expect(done.answer).toContain("patronictl");
    const row = await db().copilotQuery.findUniqueOrThrow({ where: { id: done.queryId } });
    expect(row.error).toBe("anthropic: HTTP 500");
  });

  it("falls back when Claude hangs past the timeout", async () => {
    useClaude({ ANTHROPIC_TIMEOUT_MS: "400" });
    fake.enqueue({ hang: true });
    const started = Date.now();
    const done = await askOnce({ question: "kafka consumers behind, how do I skip a poison message" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(done.error).toBe("anthropic: timed out");
    expect(done.answer).toContain("reset-offsets");
  });

  it("keeps the streamed part and appends the passages when the stream breaks mid-way", async () => {
    useClaude();
    fake.enqueue({ text: "First stop the writers [1]. Then promote the standby [1].", chunkSize: 6, failAfterChunks: 2 });
    const done = await askOnce({ question: "payments db read only, how to promote the standby" });
    expect(done.answer.startsWith("First stop")).toBe(true);
    expect(done.answer).toContain("interrupted");
    expect(done.answer).toContain("patronictl");
    expect(done.error).toMatch(/^anthropic/);
  });

  it("logs the question and the part shown when the reader leaves mid-answer", async () => {
    useClaude();
    fake.enqueue({ text: "First stop the writers [1]. Then promote the standby with patronictl [1].", chunkSize: 6 });
    const before = await db().copilotQuery.count();
    const events = ask({ question: "payments db read only, how to promote the standby" });
    const seen: string[] = [];
    for await (const ev of events) {
      if (ev.type === "delta") seen.push(ev.text);
      if (seen.length === 2) break; // what a closed browser tab does to the stream (the route's cancel → return())
    }
    expect(await db().copilotQuery.count()).toBe(before + 1);
    const row = await db().copilotQuery.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(row).toMatchObject({ question: "payments db read only, how to promote the standby", provider: "anthropic" });
    expect(row.error).toBe("client disconnected before the answer finished");
    expect(row.answer).toBe(seen.join(""));
  });

  it("records Claude's own 'not covered' as a decline", async () => {
    useClaude();
    fake.enqueue({ text: "The runbooks don't cover this." });
    const done = await askOnce({ question: "how do I promote the payments standby in the other region" });
    expect(done.declined).toBe(true);
  });
});

describe("POST /api/copilot", () => {
  const post = (body: unknown) =>
    copilotRoute(new Request("http://localhost/api/copilot", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), undefined as never);

  function parseSse(text: string): { event: string; data: Record<string, unknown> }[] {
    return text
      .trim()
      .split("\n\n")
      .map((block) => {
        const event = /^event: (.*)$/m.exec(block)![1];
        const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]);
        return { event, data };
      });
  }

  it("streams server-sent events: meta, deltas, done", async () => {
    useClaude();
    fake.enqueue({ text: "Skip the poison message with reset-offsets [1].", chunkSize: 10 });
    const res = await post({ question: "kafka consumer lag, poison message" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text());
    expect(events[0].event).toBe("meta");
    expect(events.filter((e) => e.event === "delta").map((e) => e.data.text).join("")).toBe("Skip the poison message with reset-offsets [1].");
    const done = events[events.length - 1];
    expect(done.event).toBe("done");
    expect(done.data.queryId).toEqual(expect.any(String));
  });

  it("answers JSON with stream: false", async () => {
    const res = await post({ question: "tls certificate already expired", stream: false });
    const body = await res.json();
    expect(body).toMatchObject({ type: "done", declined: false, provider: "offline" });
    expect(body.citations[0].sourcePath).toBe("platform/certs.md");
  });

  it("rejects bad requests with a JSON error", async () => {
    const empty = await post({});
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toMatch(/question/);
    const badId = await post({ incidentId: "INC-12" });
    expect(badId.status).toBe(400);
    expect((await badId.json()).error.message).toMatch(/incidentId/);
    const missing = await post({ incidentId: "00000000-0000-4000-8000-000000000000" });
    expect(missing.status).toBe(404);
  });

  it("answers for an incident from its alerts, with the linked runbook first", async () => {
    const now = new Date();
    const incident = await db().incident.create({ data: { title: "payments-db down", firstAlertAt: now, lastAlertAt: now } });
    await db().alert.create({
      data: {
        source: "alertmanager",
        externalId: "a-1",
        fingerprint: "fp-1",
        title: "PostgresPrimaryDown",
        message: "Patroni cluster pg-payments has no leader",
        labels: { alertname: "PostgresPrimaryDown", cluster: "pg-payments", severity: "critical" },
        rawPayload: {},
        alertTimestamp: now,
        runbookUrl: "https://wiki.example/runbooks/payments-db-failover",
        incidentId: incident.id,
      },
    });
    const res = await post({ incidentId: incident.id, stream: false });
    const body = await res.json();
    expect(body.declined).toBe(false);
    expect(body.citations[0].sourcePath).toBe("databases/payments-db-failover.md");
    const row = await db().copilotQuery.findUniqueOrThrow({ where: { id: body.queryId } });
    expect(row.incidentId).toBe(incident.id);
    expect((row.retrieved as { chunks: { pinned: boolean }[] }).chunks[0].pinned).toBe(true);
  });
});
