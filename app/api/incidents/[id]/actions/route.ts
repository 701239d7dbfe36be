import { NextResponse } from "next/server";
import { apiHandler, notFound, parseOr400, readJson } from "@/lib/http/api-error";
import { performIncidentAction } from "@/lib/incidents/lifecycle";
import { resolveIncidentId } from "@/lib/incidents/queries";
import { incidentActionBodySchema } from "@/lib/incidents/schemas";

export const dynamic = "force-dynamic";

/** POST /api/incidents/{id}/actions {action: acknowledge|resolve|reopen|comment, actor, message?} */
export const POST = apiHandler(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const body = parseOr400(incidentActionBodySchema, await readJson(request));
  const incidentId = await resolveIncidentId(id);
  if (!incidentId) throw notFound("Incident");
  const incident = await performIncidentAction(incidentId, body);
  return NextResponse.json({ incident });
});
