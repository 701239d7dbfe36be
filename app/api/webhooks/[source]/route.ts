import { after, NextResponse } from "next/server";
import { apiHandler } from "@/lib/http/api-error";
import { ingestWebhook } from "@/lib/ingest/ingest-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ source: string }> };

/** Runs `task` after the response is sent; called outside a Next.js request (tests, scripts), right away. */
async function afterResponse(task: () => Promise<void>) {
  try {
    after(task);
  } catch {
    await task();
  }
}

/** POST /api/webhooks/{source}: verify, store raw, answer 202 with the stored alert ids. */
export const POST = apiHandler<Context>(async (request, { params }) => {
  const { source } = await params;
  const outcome = await ingestWebhook(source, request);
  if (outcome.afterResponse) await afterResponse(outcome.afterResponse);
  return NextResponse.json(outcome.body, { status: outcome.status });
});
