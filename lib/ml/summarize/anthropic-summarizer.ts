import type Anthropic from "@anthropic-ai/sdk";
import type { Summarizer, Summary, SummaryInput } from "@/lib/ml/types";
import { buildSummaryPrompt, SUMMARY_SYSTEM_PROMPT } from "./prompt";

/** A secret-free reason for a failed hosted call, recorded with the fallback summary. */
export function describeAnthropicError(err: unknown): string {
  const e = err as { name?: string; status?: number; message?: string; error?: { error?: { type?: string } } };
  if (e?.name === "APIConnectionTimeoutError" || /timed? ?out/i.test(e?.message ?? "")) return "timeout";
  if (e?.name === "APIUserAbortError" || e?.name === "AbortError" || e?.name === "TimeoutError") return "deadline exceeded";
  if (typeof e?.status === "number") {
    const type = e.error?.error?.type;
    return `HTTP ${e.status}${type ? ` ${type}` : ""}`;
  }
  if (e?.name === "APIConnectionError") return "connection error";
  return (e?.message ?? String(err)).slice(0, 160);
}

/**
 * Claude summaries through the Messages API. Bounded: the prompt caps alerts and message length,
 * max_tokens comes from ANTHROPIC_MAX_TOKENS, the client carries the timeout and retry budget.
 * Any failure (after the SDK's own retries) falls back to the offline summarizer, recorded in degradedFrom.
 */
export class AnthropicSummarizer implements Summarizer {
  readonly name = "anthropic";

  constructor(
    private readonly client: Anthropic,
    private readonly model: string,
    private readonly maxTokens: number,
    private readonly fallback: Summarizer,
    /** Whole-call budget including the SDK's retries: it honours any retry-after, even "3600". */
    private readonly deadlineMs = 90_000,
  ) {}

  async summarize(input: SummaryInput): Promise<Summary> {
    try {
      const response = await this.client.messages.create(
        {
          model: this.model,
          max_tokens: this.maxTokens,
          system: SUMMARY_SYSTEM_PROMPT,
          messages: [{ role: "user", content: buildSummaryPrompt(input) }],
        },
        { signal: AbortSignal.timeout(this.deadlineMs) },
      );
      const text = response.content
        .filter((b): b is Extract<typeof b, { type: "text" }> => b.type === "text")
        .map((b) => b.text)
        .join("")
        .trim();
      if (!text) throw new Error("empty response");
      return { text, provider: "anthropic", model: response.model || this.model };
    } catch (err) {
      const reason = describeAnthropicError(err);
      console.warn(`[ml] anthropic summary failed (${reason}); using the offline summary`);
      const offline = await this.fallback.summarize(input);
      return { ...offline, degradedFrom: "anthropic", degradedReason: reason };
    }
  }
}
