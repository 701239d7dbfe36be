import { NextResponse } from "next/server";
import { z } from "zod";
import { apiHandler, notFound, parseOr400 } from "@/lib/http/api-error";
import { getRunbook } from "@/lib/rag/documents";
import { deleteRunbook } from "@/lib/rag/ingest";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };
const idParam = z.object({ id: z.uuid({ message: "id must be a runbook id (uuid)" }) });

/** GET /api/runbooks/{id}: the document, its metadata and its chunks (heading paths, anchors). */
export const GET = apiHandler(async (_request: Request, context: Ctx) => {
  const { id } = parseOr400(idParam, await context.params, "path");
  const runbook = await getRunbook(id);
  if (!runbook) throw notFound("Runbook");
  return NextResponse.json({ runbook });
});

/** DELETE /api/runbooks/{id}: removes the document and its chunks. */
export const DELETE = apiHandler(async (_request: Request, context: Ctx) => {
  const { id } = parseOr400(idParam, await context.params, "path");
  if (!(await deleteRunbook(id))) throw notFound("Runbook");
  return NextResponse.json({ deleted: id });
});
