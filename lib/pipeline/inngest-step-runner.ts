import { NonRetriableError, RetryAfterError } from "inngest";
import type { NotifyRunner } from "@/lib/pipeline/incident-workflows";
import { retryHints } from "@/lib/pipeline/retry";

/** The parts of Inngest's step tools the workflows use. */
export interface InngestSteps {
  run(id: string, fn: () => Promise<unknown>): Promise<unknown>;
  sleepUntil(id: string, until: Date): Promise<void>;
}

/**
 * Maps the workflows' steps onto Inngest: step.run memoizes and retries each step; the step learns
 * whether this is its last attempt (for ML fallbacks); a 429's Retry-After and permanent errors are
 * passed on in Inngest's own terms.
 */
export function inngestStepRunner(step: InngestSteps, attempt: number, maxAttempts: number): NotifyRunner {
  return {
    run: async <T>(id: string, fn: (ctx: { attempt: number; finalAttempt: boolean }) => Promise<T>): Promise<T> =>
      (await step.run(id, async () => {
        try {
          return await fn({ attempt, finalAttempt: attempt >= maxAttempts - 1 });
        } catch (error) {
          const hints = retryHints(error);
          const message = error instanceof Error ? error.message : String(error);
          if (hints.permanent) throw new NonRetriableError(message, { cause: error });
          if (hints.retryAfterMs !== undefined) throw new RetryAfterError(message, hints.retryAfterMs, { cause: error });
          throw error;
        }
      })) as T,
    sleepUntil: (id, until) => step.sleepUntil(id, until),
  };
}
