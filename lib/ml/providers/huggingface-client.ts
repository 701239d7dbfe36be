import { InferenceClient } from "@huggingface/inference";
import { env } from "@/lib/env";

/** Where the serverless Inference API serves models; HF_ENDPOINT_URL replaces it (a dedicated endpoint, a proxy, the local fake in tests). */
export const HF_DEFAULT_BASE = "https://router.huggingface.co/hf-inference";

export interface HfSettings {
  client: InferenceClient;
  /** Full URL for a model and task, in the Inference API's route shape. */
  endpointFor(model: string, task?: "feature-extraction"): string;
  timeoutMs: number;
}

/**
 * The Hugging Face client when HF_TOKEN is set, else undefined. Requests always go to an explicit
 * endpoint URL (the SDK then skips its hub lookup of the model's provider mapping), so the same code path
 * runs against huggingface.co and against a local server.
 */
export function huggingFace(): HfSettings | undefined {
  const e = env();
  if (!e.HF_TOKEN) return undefined;
  const base = (e.HF_ENDPOINT_URL ?? HF_DEFAULT_BASE).replace(/\/+$/, "");
  return {
    client: new InferenceClient(e.HF_TOKEN),
    endpointFor: (model, task) => `${base}/models/${model}${task ? `/pipeline/${task}` : ""}`,
    timeoutMs: e.HF_TIMEOUT_MS,
  };
}

/**
 * Options for every call: a timeout, and no automatic retry of 503 "model loading" (the SDK would retry
 * immediately and forever; our callers fall back to the offline default instead).
 */
export function hfCallOptions(timeoutMs: number) {
  return { signal: AbortSignal.timeout(timeoutMs), retry_on_error: false as const };
}

/** A short, secret-free description of a provider failure, for the degraded-result record. */
export function describeHfError(err: unknown): string {
  const e = err as { name?: string; message?: string; httpResponse?: { status?: number }; cause?: { name?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError" || e?.cause?.name === "TimeoutError") return "timeout";
  const status = e?.httpResponse?.status;
  return status ? `HTTP ${status}` : (e?.message ?? String(err)).slice(0, 200);
}
