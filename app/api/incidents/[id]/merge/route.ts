import { NextResponse } from "next/server";
import { apiHandler, ApiError, notFound, parseOr400, readJson } from "@/lib/http/api-error";
import { mergeIncidents } from "@/lib/incidents/merge-incidents";
import { resolveIncidentId } from "@/lib/incidents/queries";
import { mergeIncidentBodySchema } from "@/lib/incidents/schemas";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** POST /api/incidents/{id | INC-number}/merge {into: id | INC-number, actor}: joins a split incident into another. */
export const POST = apiHandler(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const body = parseOr400(mergeIncidentBodySchema, await readJson(request));
  const sourceId = await resolveIncidentId(id);
  if (!sourceId) throw notFound("Incident");
  const targetId = await resolveIncidentId(body.into);
  if (!targetId) throw new ApiError(404, "not_found", `Target incident ${body.into} not found`);
  const merge = await mergeIncidents(sourceId, targetId, body.actor);
  const incident = await db().incident.findUniqueOrThrow({ where: { id: targetId } });
  return NextResponse.json({ merge, incident });
});
