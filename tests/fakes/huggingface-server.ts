import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the Hugging Face Inference API (hf-inference route shape), so the real
 * @huggingface/inference client can be tested offline. The SDK, given an endpointUrl, POSTs JSON to it;
 * OpsRelay builds endpoint URLs as `${HF_ENDPOINT_URL}/models/<model>` and, for feature extraction,
 * `${HF_ENDPOINT_URL}/models/<model>/pipeline/feature-extraction` — the router's own route shapes.
 *
 * Response shapes the SDK validates:
 *  - zero-shot-classification: { sequence, labels: string[], scores: number[] } (legacy) or [{ label, score }]
 *  - token-classification: [{ entity_group, score, word, start, end }]
 *  - feature-extraction: number[] for one input, number[][] for a batch (pooled sentence embeddings)
 * Errors: JSON { error: "..." } with the status (429 with retry-after, 503 model loading...), or a hang.
 *
 * Without scripted replies, answers are deterministic: zero-shot ranks labels by word overlap with the
 * input, NER returns catalog-looking hyphenated words as ORG, embeddings are seeded unit vectors.
 */

export type HfTask = "zero-shot-classification" | "token-classification" | "feature-extraction";

export interface HfRecordedRequest {
  path: string;
  model: string;
  task: HfTask;
  authorization?: string;
  body: { inputs?: unknown; parameters?: Record<string, unknown>; [k: string]: unknown };
}

export type HfReply =
  | { json: unknown; status?: number; delayMs?: number }
  | { error: number; message?: string; retryAfter?: number; estimatedTime?: number }
  | { hang: true }
  | { handler: (req: HfRecordedRequest) => HfReply };

export interface FakeHuggingFace {
  /** Use as HF_ENDPOINT_URL (no trailing slash). */
  url: string;
  requests: HfRecordedRequest[];
  /** Replies for the next requests of a task, in order (default: any task). */
  enqueue(task: HfTask | "any", ...replies: HfReply[]): void;
  reset(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Deterministic unit vector for a text (same text → same vector). */
export function fakeEmbedding(text: string, dims = 384): number[] {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  const v: number[] = [];
  for (let i = 0; i < dims; i++) {
    h = (h + 0x6d2b79f5) >>> 0;
    let t = h;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    v.push(((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5);
  }
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / norm);
}

function defaultReply(task: HfTask, body: HfRecordedRequest["body"]): unknown {
  if (task === "feature-extraction") {
    const inputs = body.inputs;
    return Array.isArray(inputs) ? inputs.map((t) => fakeEmbedding(String(t))) : fakeEmbedding(String(inputs));
  }
  const text = String(body.inputs ?? "");
  if (task === "zero-shot-classification") {
    const labels = (body.parameters?.candidate_labels as string[] | undefined) ?? [];
    const words = new Set(text.toLowerCase().split(/[^a-z0-9]+/));
    const raw = labels.map((l) => 1 + l.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 3 && words.has(w)).length);
    const sum = raw.reduce((s, x) => s + x, 0) || 1;
    const ranked = labels.map((l, i) => ({ l, s: raw[i] / sum })).sort((a, b) => b.s - a.s);
    return { sequence: text, labels: ranked.map((r) => r.l), scores: ranked.map((r) => r.s) };
  }
  const out: { entity_group: string; score: number; word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/\b[a-z]+-[a-z]+(?:-[a-z]+)?\b/g)) {
    out.push({ entity_group: "ORG", score: 0.91, word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export async function startFakeHuggingFace(options: { tasks?: Record<string, HfTask> } = {}): Promise<FakeHuggingFace> {
  const requests: HfRecordedRequest[] = [];
  const queues = new Map<string, HfReply[]>();
  const hanging = new Set<ServerResponse>();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", "x-request-id": `fake-${requests.length}`, ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0];
    const m = /^\/models\/(.+?)(?:\/pipeline\/([a-z-]+))?\/?$/.exec(path);
    if (req.method !== "POST" || !m) return send(res, 404, { error: `Not Found: ${req.method} ${path}` });
    let body: HfRecordedRequest["body"];
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: "Body is not valid JSON" });
    }
    const model = m[1];
    const task: HfTask =
      (m[2] as HfTask | undefined) ??
      options.tasks?.[model] ??
      (body.parameters?.candidate_labels ? "zero-shot-classification" : "token-classification");
    const recorded: HfRecordedRequest = { path, model, task, authorization: req.headers.authorization, body };
    requests.push(recorded);
    if (!req.headers.authorization?.startsWith("Bearer ")) return send(res, 401, { error: "Invalid credentials in Authorization header" });
    if (body.inputs === undefined) return send(res, 400, { error: "inputs: field required" });

    let reply: HfReply | undefined = queues.get(task)?.shift() ?? queues.get("any")?.shift();
    while (reply && "handler" in reply) reply = reply.handler(recorded);
    if (!reply) return send(res, 200, defaultReply(task, body));
    if ("hang" in reply) {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    if ("error" in reply) {
      const headers: Record<string, string> = {};
      if (reply.retryAfter !== undefined) headers["retry-after"] = String(reply.retryAfter);
      const payload: Record<string, unknown> = { error: reply.message ?? (reply.error === 429 ? "Rate limit reached. Please retry later." : `fake error ${reply.error}`) };
      if (reply.estimatedTime !== undefined) payload.estimated_time = reply.estimatedTime;
      return send(res, reply.error, payload, headers);
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    return send(res, reply.status ?? 200, reply.json);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (task, ...replies) => {
      const q = queues.get(task) ?? [];
      q.push(...replies);
      queues.set(task, q);
    },
    reset: () => {
      queues.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
