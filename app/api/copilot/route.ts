import { NextResponse } from "next/server";
import { z } from "zod";
import { ApiError, apiHandler, parseOr400, readJson } from "@/lib/http/api-error";
import { ask, AskError, type AnswerEvent } from "@/lib/rag/answer";
import { MAX_QUESTION_CHARS } from "@/lib/rag/prompt";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const askBody = z
  .object({
    question: z.string().max(MAX_QUESTION_CHARS, `question is longer than ${MAX_QUESTION_CHARS} characters`).optional(),
    incidentId: z.uuid({ message: "incidentId must be an incident id (uuid)" }).optional(),
    alertId: z.uuid({ message: "alertId must be an alert id (uuid)" }).optional(),
    service: z.string().max(200).optional(),
    team: z.string().max(200).optional(),
    /** false → one JSON response instead of the event stream. */
    stream: z.boolean().optional(),
  })
  .refine((b) => (b.question && b.question.trim()) || b.incidentId || b.alertId, {
    message: "send a question, an incidentId or an alertId",
    path: ["question"],
  });

const encoder = new TextEncoder();
const sse = (ev: AnswerEvent | { type: "error"; message: string }) => encoder.encode(`event: ${ev.type}\ndata: ${JSON.stringify(ev)}\n\n`);

/**
 * POST /api/copilot {question?, incidentId?, alertId?, service?, team?, stream?}
 * Streams Server-Sent Events: `meta` (citations, declined, provider) → `delta` (answer text, in pieces)
 * → `done` (full answer, citations, queryId). With "stream": false, answers one JSON object (the done event).
 */
export const POST = apiHandler(async (request: Request) => {
  const body = parseOr400(askBody, await readJson(request));
  const events = ask({ question: body.question, incidentId: body.incidentId, alertId: body.alertId, service: body.service, team: body.team });
  let first: IteratorResult<AnswerEvent>;
  try {
    // Retrieval runs before the first event: lookup errors still become proper HTTP errors.
    first = await events.next();
  } catch (error) {
    if (error instanceof AskError) throw new ApiError(error.code === "not_found" ? 404 : 400, error.code, error.message);
    throw error;
  }

  if (body.stream === false) {
    let last: AnswerEvent | undefined = first.value;
    for await (const ev of events) last = ev;
    return NextResponse.json(last);
  }

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        if (!first.done) controller.enqueue(sse(first.value));
        for await (const ev of events) controller.enqueue(sse(ev));
      } catch (error) {
        console.error(JSON.stringify({ level: "error", msg: "copilot stream failed", error: String(error) }));
        controller.enqueue(sse({ type: "error", message: "the answer failed; try again" }));
      } finally {
        controller.close();
      }
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
});
