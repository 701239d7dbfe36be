import { env, type Env } from "@/lib/env";

export type PipelineMode = "inngest" | "in-process";

/**
 * Inngest runs the pipeline only when it is configured (a dev server or an event key); otherwise the
 * SDK is in cloud mode and every send would fail, so the app runs the same workflow in-process.
 */
export function pipelineMode(e: Env = env()): PipelineMode {
  return e.INNGEST_DEV || e.INNGEST_EVENT_KEY ? "inngest" : "in-process";
}
