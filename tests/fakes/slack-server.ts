import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for a Slack incoming webhook (real HTTP on 127.0.0.1). Slack answers 200 "ok", 400
 * "invalid_payload" for a malformed body, 404 "no_service" for a revoked hook, 429 with Retry-After when
 * rate limited. Records every body it accepted.
 */
export interface FakeSlack {
  url: string;
  /** Accepted messages, parsed. */
  messages: Array<{ text?: string; blocks?: Array<Record<string, unknown>> }>;
  /** Every request, including refused ones. */
  requests: number;
  /** The next responses, used in order before falling back to 200 "ok". */
  respondWith(...responses: Array<{ status: number; body?: string; retryAfterSeconds?: number }>): void;
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const planned: Array<{ status: number; body?: string; retryAfterSeconds?: number }> = [];
  const fake = {
    url: "",
    messages: [] as FakeSlack["messages"],
    requests: 0,
    respondWith: (...r: typeof planned) => planned.push(...r),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies Omit<FakeSlack, "url"> & { url: string };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      fake.requests++;
      const next = planned.shift();
      if (next) {
        const headers: Record<string, string> = { "content-type": "text/plain" };
        if (next.retryAfterSeconds !== undefined) headers["retry-after"] = String(next.retryAfterSeconds);
        res.writeHead(next.status, headers).end(next.body ?? "error");
        return;
      }
      let body: FakeSlack["messages"][number];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        res.writeHead(400, { "content-type": "text/plain" }).end("invalid_payload");
        return;
      }
      if (req.method !== "POST" || (!body.text && !body.blocks)) {
        res.writeHead(400, { "content-type": "text/plain" }).end("no_text");
        return;
      }
      fake.messages.push(body);
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}/services/T000/B000/XXXX`;
  return fake;
}
