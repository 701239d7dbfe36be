/**
 * Next.js calls register() once when the server starts. In in-process mode (no Inngest configured) it
 * recovers alerts a crash left pending and starts the periodic sweep.
 */
export async function register() {
  // NEXT_RUNTIME is a build-time constant set by Next.js, not a setting: the edge bundle must not load
  // the database code at all.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInProcessPipeline } = await import("@/lib/pipeline/start");
  try {
    await startInProcessPipeline();
  } catch (error) {
    // A database that is not reachable yet must not stop the server; the sweep retries later.
    console.error(`[pipeline] start-up recovery failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
