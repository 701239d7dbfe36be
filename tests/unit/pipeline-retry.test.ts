import { describe, expect, it } from "vitest";
import { backoffMs, withRetries, withTimeout } from "@/lib/pipeline/retry";

describe("backoffMs", () => {
  it("doubles per attempt, with jitter between 50% and 100%", () => {
    expect(backoffMs(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffMs(1, 500, 30_000, () => 1)).toBe(1000);
    expect(backoffMs(3, 500, 30_000, () => 1)).toBe(4000);
    expect(backoffMs(3, 500, 30_000, () => 0)).toBe(2000);
  });
  it("is capped", () => {
    expect(backoffMs(20, 500, 30_000, () => 1)).toBe(30_000);
  });
});

describe("withRetries", () => {
  const noSleep = { sleep: async () => {} };

  it("retries until success and tells the step which attempt is the last", async () => {
    const seen: Array<[number, boolean]> = [];
    const result = await withRetries(
      async (ctx) => {
        seen.push([ctx.attempt, ctx.finalAttempt]);
        if (ctx.attempt < 2) throw new Error("flaky");
        return "ok";
      },
      { maxAttempts: 3, baseMs: 1, ...noSleep },
    );
    expect(result).toBe("ok");
    expect(seen).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
  });

  it("rethrows the last error when attempts run out", async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw new Error(`boom ${calls}`);
        },
        { maxAttempts: 3, baseMs: 1, ...noSleep },
      ),
    ).rejects.toThrow("boom 3");
    expect(calls).toBe(3);
  });

  it("stops at once on a permanent error and honours Retry-After", async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw Object.assign(new Error("bad payload"), { permanent: true });
        },
        { maxAttempts: 5, baseMs: 1, ...noSleep },
      ),
    ).rejects.toThrow("bad payload");
    expect(calls).toBe(1);

    const delays: number[] = [];
    await withRetries(
      async (ctx) => {
        if (ctx.attempt === 0) throw Object.assign(new Error("429"), { retryAfterMs: 7000 });
        return 1;
      },
      { maxAttempts: 3, baseMs: 1, sleep: async (ms) => void delays.push(ms) },
    );
    expect(delays).toEqual([7000]);
  });
});

describe("withTimeout", () => {
  it("passes a fast result through and rejects a slow one, naming what timed out", async () => {
    await expect(withTimeout(Promise.resolve(7), 50, "classifier")).resolves.toBe(7);
    await expect(withTimeout(new Promise(() => {}), 20, "classifier")).rejects.toThrow("classifier timed out after 20 ms");
  });
});
