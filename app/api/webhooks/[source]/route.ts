import { NextResponse } from "next/server";
import { apiHandler } from "@/lib/http/api-error";
import { ingestWebhook } from "@/lib/ingest/ingest-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ source: string }> };

/** POST /api/webhooks/{source}: verify, store raw, answer 202 with the stored alert ids. */
export const POST = apiHandler<Context>(async (request, { params }) => {
  const { source } = await params;
  const outcome = await ingestWebhook(source, request);
  return NextResponse.json(outcome.body, { status: outcome.status });
});
