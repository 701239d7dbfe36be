import Anthropic from "@anthropic-ai/sdk";
import { env } from "@/lib/env";

/**
 * The Anthropic client when ANTHROPIC_API_KEY is set, else undefined (callers use their offline default).
 * ANTHROPIC_BASE_URL points the real SDK at another endpoint (a proxy, or the local fake in tests).
 */
export function anthropicClient(): Anthropic | undefined {
  const e = env();
  if (!e.ANTHROPIC_API_KEY) return undefined;
  return new Anthropic({
    apiKey: e.ANTHROPIC_API_KEY,
    baseURL: e.ANTHROPIC_BASE_URL,
    timeout: e.ANTHROPIC_TIMEOUT_MS,
    maxRetries: e.ANTHROPIC_MAX_RETRIES,
  });
}
