/** What a step knows about its attempt: ML steps fall back to rules only on the last one. */
export interface StepContext {
  /** 0-based. */
  attempt: number;
  finalAttempt: boolean;
}

/** Errors may say when to retry (HTTP 429 Retry-After) or that retrying is pointless. */
export interface RetryHints {
  retryAfterMs?: number;
  permanent?: boolean;
}

export function retryHints(error: unknown): RetryHints {
  if (typeof error !== "object" || error === null) return {};
  const e = error as RetryHints;
  return {
    retryAfterMs: typeof e.retryAfterMs === "number" && e.retryAfterMs >= 0 ? e.retryAfterMs : undefined,
    permanent: e.permanent === true,
  };
}

/**
 * Exponential backoff with jitter: base·2^attempt, capped, scaled into [50%, 100%] so that a storm of
 * failures does not retry in lockstep.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs = 30_000, random: () => number = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(raw * (0.5 + random() * 0.5));
}

/** Rejects when `promise` takes longer than `ms` (the work itself cannot be cancelled; its result is dropped). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface RetryOptions {
  maxAttempts: number;
  baseMs: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs fn until it succeeds or attempts run out (then rethrows the last error). */
export async function withRetries<T>(fn: (ctx: StepContext) => Promise<T>, opts: RetryOptions): Promise<T> {
  const max = Math.max(1, opts.maxAttempts);
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn({ attempt, finalAttempt: attempt >= max - 1 });
    } catch (error) {
      const hints = retryHints(error);
      if (attempt >= max - 1 || hints.permanent) throw error;
      const delay = hints.retryAfterMs ?? backoffMs(attempt, opts.baseMs, opts.maxMs);
      opts.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}

/** One readable line for logs and processing_error (Prisma's multi-line errors end with the cause). */
export function errorMessage(error: unknown): string {
  const raw = (error instanceof Error ? error.message : String(error)).trim();
  const lines = raw.split("\n").map((l) => l.trim()).filter(Boolean);
  const text = (lines.length > 1 && /invocation/.test(lines[0]) ? lines[lines.length - 1] : lines.join(" ")) || "unknown error";
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
