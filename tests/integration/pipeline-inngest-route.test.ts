import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "@/lib/env";

/**
 * app/api/inngest/route.ts serves every function. With INNGEST_DEV=1 (a local Inngest dev server) the
 * SDK answers introspection without a signing key; that is what the dev server reads to register them.
 */

beforeAll(() => {
  // Before the client is imported: the SDK reads its mode once, at construction.
  process.env.INNGEST_DEV = "1";
  resetEnv();
});

afterAll(() => {
  delete process.env.INNGEST_DEV;
  resetEnv();
});

describe("GET /api/inngest", () => {
  it("lists the pipeline's functions with their triggers", async () => {
    const { GET } = await import("@/app/api/inngest/route");
    const res = await GET(new Request("http://localhost:3000/api/inngest") as never, undefined as never);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { function_count: number; mode: string };
    expect(body.mode).toBe("dev");
    // triage-alert, its onFailure handler (registered as a function of its own), summarize-incident,
    // notify-slack, pipeline-sweep.
    expect(body.function_count).toBe(5);
  });
});
