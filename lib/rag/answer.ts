import type Anthropic from "@anthropic-ai/sdk";
import { db, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { anthropicClient } from "@/lib/ml/providers/anthropic-client";
import { calibrationFor, declineDecision } from "./decline";
import { ragEmbedder } from "./embedder";
import { alertQuery, incidentQuery, type RetrievalQuery } from "./incident-query";
import { declinedAnswer, NOT_COVERED, offlineAnswer } from "./offline-answer";
import { buildUserMessage, selectPassages, SYSTEM_PROMPT, type PromptPassage } from "./prompt";
import { retrieve, type RetrievedChunk } from "./retrieve";
import { assessSupport } from "./support";

/**
 * The copilot: question (and/or incident/alert) → hybrid retrieval → decline check → answer with
 * numbered citations. Claude streams the answer when configured; otherwise (or when Claude fails or
 * times out) the offline answer assembles the best passages. Every question is logged in copilot_queries.
 */

export interface AskInput {
  question?: string;
  incidentId?: string;
  alertId?: string;
  service?: string;
  team?: string;
}

export interface Citation {
  n: number;
  chunkId: string;
  documentId: string;
  title: string;
  headingPath: string;
  sourcePath: string;
  /** Where to open it: the runbook's own URL (with the section anchor) or the dashboard page. */
  href: string;
}

export type AnswerEvent =
  | { type: "meta"; citations: Citation[]; declined: boolean; provider: string; model: string }
  | { type: "delta"; text: string }
  | {
      type: "done";
      queryId: string;
      answer: string;
      declined: boolean;
      provider: string;
      model: string;
      citations: Citation[];
      latencyMs: number;
      /** Set when the hosted model failed and the offline answer was used instead. */
      error?: string;
    };

export class AskError extends Error {
  constructor(
    readonly code: "not_found" | "bad_request",
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_INCIDENT_QUESTION = "What should I do about this?";

function citationOf(p: PromptPassage): Citation {
  const c = p.chunk;
  const anchor = c.anchor ? `#${c.anchor}` : "";
  return {
    n: p.n,
    chunkId: c.chunkId,
    documentId: c.documentId,
    title: c.title,
    headingPath: c.headingPath,
    sourcePath: c.sourcePath,
    href: c.url ? `${c.url}${anchor}` : `/runbooks/${c.documentId}${anchor}`,
  };
}

async function contextQuery(input: AskInput): Promise<RetrievalQuery | undefined> {
  if (input.incidentId) {
    const q = await incidentQuery(input.incidentId);
    if (!q) throw new AskError("not_found", `incident ${input.incidentId} not found`);
    return q;
  }
  if (input.alertId) {
    const q = await alertQuery(input.alertId);
    if (!q) throw new AskError("not_found", `alert ${input.alertId} not found`);
    return q;
  }
  return undefined;
}

/** Streams text deltas from Claude; throws on API errors, timeouts (idle between chunks) and aborts. */
async function* claudeStream(client: Anthropic, user: string): AsyncGenerator<string> {
  const e = env();
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(new Error("timeout")), e.ANTHROPIC_TIMEOUT_MS);
  try {
    const stream = await client.messages.create(
      { model: e.ANTHROPIC_MODEL, max_tokens: e.ANTHROPIC_MAX_TOKENS, system: SYSTEM_PROMPT, messages: [{ role: "user", content: user }], stream: true },
      { signal: controller.signal },
    );
    for await (const event of stream) {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new Error("timeout")), e.ANTHROPIC_TIMEOUT_MS);
      if (event.type === "content_block_delta" && event.delta.type === "text_delta") yield event.delta.text;
    }
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): string {
  const err = error as { status?: number; name?: string; message?: string };
  if (err?.name === "APIUserAbortError" || /abort|timeout|timed out/i.test(err?.message ?? "")) return "anthropic: timed out";
  if (err?.status) return `anthropic: HTTP ${err.status}`;
  return `anthropic: ${err?.name ?? "error"}`;
}

export async function* ask(input: AskInput): AsyncGenerator<AnswerEvent> {
  const started = Date.now();
  const context = await contextQuery(input);
  const question = input.question?.trim() || (context ? DEFAULT_INCIDENT_QUESTION : "");
  if (!question) throw new AskError("bad_request", "a question, incidentId or alertId is required");
  const queryText = context ? `${input.question?.trim() ?? ""}\n${context.text}`.trim() : question;

  const embedder = await ragEmbedder();
  const chunks = await retrieve(queryText, { limit: 8, service: input.service, team: input.team, runbookUrls: context?.runbookUrls, incident: !!context, embedder });
  // Decline on what the person asked; the incident's alert text only widens retrieval (its words, such as
  // a customer name in an alert title, are no reason to refuse a question the runbooks do answer).
  const support = await assessSupport(input.question?.trim() || queryText, chunks);
  const pinned = chunks.some((c) => c.pinned);
  const decision = declineDecision(support, calibrationFor(embedder.model));
  const declined = chunks.length === 0 || (decision.decline && !pinned);

  const passages = declined ? [] : selectPassages(chunks);
  const citations = passages.map(citationOf);
  const client = declined ? undefined : anthropicClient();
  const provider = client ? "anthropic" : "offline";
  const model = client ? env().ANTHROPIC_MODEL : "extractive-v1";
  yield { type: "meta", citations, declined, provider, model };

  let answer = "";
  let error: string | undefined;
  let usedProvider = provider;
  let usedModel = model;
  let finished = false;
  const logQuery = () => {
    const retrieved = chunks.map((c) => ({
      chunkId: c.chunkId,
      sourcePath: c.sourcePath,
      headingPath: c.headingPath,
      score: c.score,
      similarity: c.similarity ?? null,
      textScore: c.textScore ?? null,
      pinned: !!c.pinned,
    }));
    return db().copilotQuery.create({
      data: {
        question,
        incidentId: input.incidentId ?? null,
        answer,
        // Claude may itself decide the passages don't answer: record that as a decline.
        declined: declined || answer.trim().startsWith(NOT_COVERED),
        citations: citations as unknown as Prisma.InputJsonValue,
        retrieved: { chunks: retrieved, support: { ...support, risk: decision.risk } } as unknown as Prisma.InputJsonValue,
        provider: usedProvider,
        model: usedModel,
        latencyMs: Date.now() - started,
        error: error ?? null,
      },
      select: { id: true, declined: true, latencyMs: true },
    });
  };
  try {
    if (declined) {
      answer = declinedAnswer(chunks, support.missing);
      yield { type: "delta", text: answer };
    } else if (client) {
      try {
        for await (const text of claudeStream(client, buildUserMessage(question, passages, context?.text))) {
          answer += text;
          yield { type: "delta", text };
        }
      } catch (e) {
        error = describeError(e);
        usedProvider = "offline";
        usedModel = "extractive-v1";
        const fallback = offlineAnswer(passages);
        const text = answer ? `\n\n(The model's answer was interrupted; the runbook passages follow.)\n\n${fallback}` : fallback;
        answer += text;
        yield { type: "delta", text };
      }
    } else {
      answer = offlineAnswer(passages);
      yield { type: "delta", text: answer };
    }
    const row = await logQuery();
    finished = true;
    yield { type: "done", queryId: row.id, answer, declined: row.declined, provider: usedProvider, model: usedModel, citations, latencyMs: row.latencyMs, error };
  } finally {
    // The reader left before the answer was logged (a closed browser tab stops the stream): the question
    // and what it was shown are still logged, with the reason.
    if (!finished) {
      error ??= "client disconnected before the answer finished";
      await logQuery();
    }
  }
}

/** Runs the whole answer and returns the final event (non-streaming callers, evals). */
export async function askOnce(input: AskInput): Promise<Extract<AnswerEvent, { type: "done" }>> {
  let done: Extract<AnswerEvent, { type: "done" }> | undefined;
  for await (const ev of ask(input)) if (ev.type === "done") done = ev;
  return done!;
}

export type { RetrievedChunk };
