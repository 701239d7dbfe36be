import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Anthropic's Messages API (POST /v1/messages) speaking its wire format, so the real
 * @anthropic-ai/sdk can be tested offline: non-streaming JSON, streaming SSE (message_start,
 * content_block_start, ping, content_block_delta/text_delta, content_block_stop, message_delta,
 * message_stop), Anthropic's error JSON ({"type":"error","error":{"type","message"}}) with 4xx/5xx and
 * retry-after, mid-stream `event: error`, and a "hang" mode for timeouts. Every request is recorded.
 *
 * Usage: const fake = await startFakeAnthropic(); fake.enqueue({ text: "hi" }, { error: 429, retryAfter: 1 });
 * new Anthropic({ apiKey: "test", baseURL: fake.url }); … fake.requests; await fake.close();
 * Replies are consumed in order; when the queue is empty the default reply answers (settable).
 */

export type FakeReply =
  | {
      /** The assistant's text (split into several text_delta chunks when streamed). */
      text: string;
      stopReason?: "end_turn" | "max_tokens" | "stop_sequence";
      /** Characters per text_delta chunk when streaming (default 12). */
      chunkSize?: number;
      /** Delay before answering, and between streamed chunks. */
      delayMs?: number;
      chunkDelayMs?: number;
      usage?: { input_tokens: number; output_tokens: number };
      /** For streaming: emit this many chunks, then an SSE `event: error` (overloaded_error) instead of finishing. */
      failAfterChunks?: number;
    }
  | {
      /** HTTP status of an Anthropic error response: 400, 401, 403, 404, 413, 429, 500, 529... */
      error: number;
      type?: string;
      message?: string;
      /** Seconds, sent as the retry-after header (the SDK honours it between retries). */
      retryAfter?: number;
      delayMs?: number;
    }
  /** Accept the request and never answer (until close): the client's timeout must fire. */
  | { hang: true }
  /** Compute the reply from the request (e.g. echo a detail of the prompt). */
  | { handler: (request: RecordedRequest) => FakeReply };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The credential the client sent (x-api-key, or Authorization: Bearer, which SDK 1.x uses). */
  apiKey?: string;
  /** Parsed JSON body (undefined when not JSON). */
  body: {
    model?: string;
    max_tokens?: number;
    stream?: boolean;
    system?: unknown;
    messages?: { role: string; content: unknown }[];
    [key: string]: unknown;
  };
  at: Date;
}

export interface FakeAnthropic {
  /** Base URL for the SDK's baseURL / ANTHROPIC_BASE_URL (no trailing slash). */
  url: string;
  requests: RecordedRequest[];
  /** Queue replies for the next requests, in order. */
  enqueue(...replies: FakeReply[]): void;
  /** The reply used when the queue is empty. */
  setDefault(reply: FakeReply): void;
  /** Clear queued replies and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendError(res: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ type: "error", error: { type, message }, request_id: `req_fake_${Date.now()}` });
  res.writeHead(status, { "content-type": "application/json", "request-id": `req_fake_${Date.now()}`, ...headers });
  res.end(body);
}

let messageCounter = 0;

function estimateTokens(value: unknown): number {
  return Math.max(1, Math.ceil(JSON.stringify(value ?? "").length / 4));
}

export async function startFakeAnthropic(options: { defaultReply?: FakeReply } = {}): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  let defaultReply: FakeReply = options.defaultReply ?? { text: "This is the fake Anthropic server's default answer." };
  const hanging = new Set<ServerResponse>();

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    let body: RecordedRequest["body"] = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      body = {};
    }
    const path = (req.url ?? "/").split("?")[0];
    const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers["authorization"] ?? ""))?.[1];
    const apiKey = (req.headers["x-api-key"] as string | undefined) ?? bearer;
    const recorded: RecordedRequest = { method: req.method ?? "GET", path, headers: req.headers, apiKey, body, at: new Date() };
    requests.push(recorded);

    if (req.method !== "POST" || path !== "/v1/messages") {
      return sendError(res, 404, "not_found_error", `Not found: ${req.method} ${path}`);
    }
    if (!apiKey) {
      return sendError(res, 401, "authentication_error", "x-api-key header is required");
    }
    if (!req.headers["anthropic-version"]) {
      return sendError(res, 400, "invalid_request_error", "anthropic-version header is required");
    }
    if (raw && Object.keys(body).length === 0) return sendError(res, 400, "invalid_request_error", "body is not valid JSON");
    if (typeof body.model !== "string") return sendError(res, 400, "invalid_request_error", "model: Field required");
    if (typeof body.max_tokens !== "number") return sendError(res, 400, "invalid_request_error", "max_tokens: Field required");
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return sendError(res, 400, "invalid_request_error", "messages: at least one message is required");
    }

    let reply = queue.shift() ?? defaultReply;
    while ("handler" in reply) reply = reply.handler(recorded);

    if ("hang" in reply) {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    if (reply.delayMs) await sleep(reply.delayMs);
    if ("error" in reply) {
      const type = reply.type ?? ERROR_TYPES[reply.error] ?? "api_error";
      const headers: Record<string, string> = {};
      if (reply.retryAfter !== undefined) headers["retry-after"] = String(reply.retryAfter);
      return sendError(res, reply.error, type, reply.message ?? `fake ${type}`, headers);
    }

    const id = `msg_fake_${++messageCounter}`;
    const inputTokens = reply.usage?.input_tokens ?? estimateTokens([body.system, body.messages]);
    const outputTokens = reply.usage?.output_tokens ?? estimateTokens(reply.text);
    const stopReason = reply.stopReason ?? "end_turn";

    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json", "request-id": `req_${id}` });
      res.end(
        JSON.stringify({
          id,
          type: "message",
          role: "assistant",
          model: body.model,
          content: [{ type: "text", text: reply.text }],
          stop_reason: stopReason,
          stop_sequence: null,
          usage: { input_tokens: inputTokens, output_tokens: outputTokens },
        }),
      );
      return;
    }

    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive", "request-id": `req_${id}` });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send("message_start", {
      type: "message_start",
      message: {
        id,
        type: "message",
        role: "assistant",
        model: body.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: 1 },
      },
    });
    send("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
    send("ping", { type: "ping" });
    const size = Math.max(1, reply.chunkSize ?? 12);
    let chunks = 0;
    for (let i = 0; i < reply.text.length; i += size) {
      if (reply.failAfterChunks !== undefined && chunks >= reply.failAfterChunks) {
        send("error", { type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
        res.end();
        return;
      }
      send("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: reply.text.slice(i, i + size) } });
      chunks++;
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
      if (res.destroyed) return;
    }
    // Asked to fail after more chunks than the text has: fail before the message completes.
    if (reply.failAfterChunks !== undefined) {
      send("error", { type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
      res.end();
      return;
    }
    send("content_block_stop", { type: "content_block_stop", index: 0 });
    send("message_delta", { type: "message_delta", delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: outputTokens } });
    send("message_stop", { type: "message_stop" });
    res.end();
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    setDefault: (reply) => {
      defaultReply = reply;
    },
    reset: () => {
      queue.length = 0;
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
