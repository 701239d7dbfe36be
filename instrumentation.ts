/**
 * Next.js calls register() once when the server starts. In in-process mode (no Inngest configured) it
 * recovers alerts a crash left pending and starts the periodic sweep.
 */
export async function register() {
  // NEXT_RUNTIME is a build-time constant set by Next.js, not a setting: written as Next documents it,
  // so the edge bundle drops the database code entirely.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startInProcessPipeline } = await import("@/lib/pipeline/start");
    try {
      await startInProcessPipeline();
    } catch (error) {
      // A database that is not reachable yet must not stop the server; the periodic sweep retries.
      console.error(`[pipeline] start-up recovery failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
