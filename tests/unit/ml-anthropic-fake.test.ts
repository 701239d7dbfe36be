import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeAnthropic, type FakeAnthropic } from "../fakes/anthropic-server";

// The fake must be faithful enough that the real SDK parses it: these tests drive it through the SDK.
describe("fake Anthropic Messages API", () => {
  let fake: FakeAnthropic;
  const client = () => new Anthropic({ apiKey: "sk-ant-test", baseURL: fake.url, maxRetries: 0, timeout: 2_000 });

  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it("answers a non-streaming message and records the request", async () => {
    fake.enqueue({ text: "payments-api is failing in eu-west-1" });
    const msg = await client().messages.create({ model: "claude-test", max_tokens: 100, messages: [{ role: "user", content: "summarize" }] });
    expect(msg.content[0]).toMatchObject({ type: "text", text: "payments-api is failing in eu-west-1" });
    expect(msg.stop_reason).toBe("end_turn");
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].body).toMatchObject({ model: "claude-test", max_tokens: 100 });
    expect(fake.requests[0].apiKey).toBe("sk-ant-test");
    expect(fake.requests[0].headers["anthropic-version"]).toBeTruthy();
  });

  it("streams text deltas that the SDK reassembles", async () => {
    const text = "The ledger deadlocks started after the 14:02 deploy.";
    fake.enqueue({ text, chunkSize: 5 });
    const stream = client().messages.stream({ model: "claude-test", max_tokens: 100, messages: [{ role: "user", content: "q" }] });
    const deltas: string[] = [];
    stream.on("text", (t) => deltas.push(t));
    const final = await stream.finalMessage();
    expect(deltas.length).toBe(Math.ceil(text.length / 5));
    expect(deltas.join("")).toBe(text);
    expect(final.content[0]).toMatchObject({ type: "text", text });
    expect(fake.requests[0].body.stream).toBe(true);
  });

  it("returns Anthropic's error shape: 429 with retry-after becomes a RateLimitError", async () => {
    fake.enqueue({ error: 429, retryAfter: 7 });
    const err = await client()
      .messages.create({ model: "m", max_tokens: 10, messages: [{ role: "user", content: "q" }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.RateLimitError);
    expect((err as InstanceType<typeof Anthropic.RateLimitError>).headers?.get("retry-after")).toBe("7");
  });

  it("the SDK retries a 529 and then succeeds, honouring retry-after", async () => {
    fake.enqueue({ error: 529, retryAfter: 0.05 }, { text: "ok" });
    const c = new Anthropic({ apiKey: "k", baseURL: fake.url, maxRetries: 1 });
    const msg = await c.messages.create({ model: "m", max_tokens: 10, messages: [{ role: "user", content: "q" }] });
    expect(msg.content[0]).toMatchObject({ text: "ok" });
    expect(fake.requests).toHaveLength(2);
  });

  it("hang mode makes the client time out", async () => {
    fake.enqueue({ hang: true });
    const c = new Anthropic({ apiKey: "k", baseURL: fake.url, maxRetries: 0, timeout: 300 });
    const err = await c.messages.create({ model: "m", max_tokens: 10, messages: [{ role: "user", content: "q" }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
  });

  it("a mid-stream error event surfaces as an error after partial text", async () => {
    fake.enqueue({ text: "abcdefghijkl", chunkSize: 3, failAfterChunks: 2 });
    const stream = client().messages.stream({ model: "m", max_tokens: 10, messages: [{ role: "user", content: "q" }] });
    const deltas: string[] = [];
    stream.on("text", (t) => deltas.push(t));
    await expect(stream.finalMessage()).rejects.toThrow(/Overloaded/);
    expect(deltas.join("")).toBe("abcdef");
  });

  it("rejects requests missing required fields like the real API", async () => {
    const res = await fetch(`${fake.url}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": "k", "anthropic-version": "2023-06-01", "content-type": "application/json" },
      body: JSON.stringify({ model: "m", messages: [] }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
  });

  it("uses a handler to compute replies from the prompt", async () => {
    fake.enqueue({ handler: (r) => ({ text: `echo:${(r.body.messages?.[0]?.content as string).toUpperCase()}` }) });
    const msg = await client().messages.create({ model: "m", max_tokens: 10, messages: [{ role: "user", content: "abc" }] });
    expect(msg.content[0]).toMatchObject({ text: "echo:ABC" });
  });
});
