import { env } from "@/lib/env";

type Retries = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** Inngest retries = attempts after the first; the same PIPELINE_MAX_ATTEMPTS as the in-process runner. */
export function pipelineRetries(): { retries: Retries; maxAttempts: number } {
  const maxAttempts = Math.min(11, Math.max(1, env().PIPELINE_MAX_ATTEMPTS));
  return { retries: (maxAttempts - 1) as Retries, maxAttempts };
}
