import { NextResponse } from "next/server";
import { z } from "zod";
import { ApiError, apiHandler, badRequest, parseOr400, readJson } from "@/lib/http/api-error";
import { listRunbooks } from "@/lib/rag/documents";
import { ingestRunbook, MAX_DOCUMENT_BYTES, normalizeSourcePath, type IngestResult } from "@/lib/rag/ingest";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const runbookBody = z.object({
  path: z
    .string({ message: "path is required (e.g. payments/db-failover.md)" })
    .min(1, "path must not be empty")
    .max(500, "path is too long")
    .regex(/\.(md|markdown|txt)$/i, "path must end in .md, .markdown or .txt"),
  content: z.string({ message: "content is required" }).max(MAX_DOCUMENT_BYTES, `content is larger than ${MAX_DOCUMENT_BYTES} characters`),
});
const batchBody = z.object({ documents: z.array(runbookBody).min(1, "documents must not be empty").max(200, "at most 200 documents per request") });

const listQuery = z.object({
  service: z.string().max(200).optional(),
  team: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** GET /api/runbooks?service=&team=&q=: documents with their chunk counts. */
export const GET = apiHandler(async (request: Request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const runbooks = await listRunbooks(parseOr400(listQuery, params, "query"));
  return NextResponse.json({ runbooks });
});

async function readUpload(request: Request): Promise<{ path: string; content: string }[]> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw badRequest("multipart body could not be parsed");
    }
    const files = [...form.values()].filter((v): v is File => typeof v !== "string");
    if (!files.length) throw badRequest("multipart upload has no file part");
    const docs = await Promise.all(files.map(async (f) => ({ path: f.name, content: await f.text() })));
    return docs.map((d) => parseOr400(runbookBody, d, `file "${d.path}"`));
  }
  if (!type.includes("json")) throw new ApiError(415, "unsupported_media_type", "send application/json ({path, content}) or multipart/form-data files");
  const body = await readJson(request);
  // A batch has "documents"; otherwise the body is one document. Separate schemas keep the errors specific.
  if (body && typeof body === "object" && "documents" in body) return parseOr400(batchBody, body).documents;
  return [parseOr400(runbookBody, body)];
}

/**
 * POST /api/runbooks: add or replace runbooks. JSON {path, content}, {documents: [...]}, or multipart
 * files (the file name is the path). Unchanged content is recognised and not re-indexed.
 */
export const POST = apiHandler(async (request: Request) => {
  const docs = await readUpload(request);
  for (const d of docs) {
    try {
      normalizeSourcePath(d.path);
    } catch (error) {
      throw badRequest((error as Error).message);
    }
  }
  const results: IngestResult[] = [];
  for (const d of docs) results.push(await ingestRunbook({ sourcePath: d.path, content: d.content }));
  const status = results.some((r) => r.status === "created") ? 201 : 200;
  return NextResponse.json({ runbooks: results }, { status });
});
