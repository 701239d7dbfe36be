import { NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { inngestStepRunner, type InngestSteps } from "@/lib/pipeline/inngest-step-runner";

/** Inngest's step.run runs the callback (memoization aside); that is all the mapping relies on. */
const steps = (): InngestSteps & { ids: string[] } => {
  const ids: string[] = [];
  return {
    ids,
    run: async (id, fn) => {
      ids.push(id);
      return fn();
    },
    sleepUntil: async () => {},
  };
};

describe("inngestStepRunner", () => {
  it("tells the step whether Inngest's current attempt is its last", async () => {
    const s = steps();
    const seen: boolean[] = [];
    for (const attempt of [0, 1, 2]) {
      await inngestStepRunner(s, attempt, 3).run("classify:x", async (ctx) => void seen.push(ctx.finalAttempt));
    }
    expect(seen).toEqual([false, false, true]);
    expect(s.ids).toEqual(["classify:x", "classify:x", "classify:x"]);
  });

  it("turns a 429's Retry-After into RetryAfterError and a permanent failure into NonRetriableError", async () => {
    const runner = inngestStepRunner(steps(), 0, 3);
    const rateLimited = runner.run("send-0", async () => {
      throw Object.assign(new Error("Slack rate limited"), { retryAfterMs: 30_000 });
    });
    await expect(rateLimited).rejects.toBeInstanceOf(RetryAfterError);
    await expect(rateLimited).rejects.toMatchObject({ retryAfter: expect.anything() });

    const revoked = runner.run("send-0", async () => {
      throw Object.assign(new Error("Slack answered 404: no_service"), { permanent: true });
    });
    await expect(revoked).rejects.toBeInstanceOf(NonRetriableError);

    const plain = runner.run("send-0", async () => {
      throw new Error("socket hang up");
    });
    await expect(plain).rejects.toThrow("socket hang up");
    await expect(plain).rejects.not.toBeInstanceOf(NonRetriableError);
  });
});
