import { NextResponse } from "next/server";
import { apiHandler, badRequest, notFound, parseOr400 } from "@/lib/http/api-error";
import {
  InvalidCursorError,
  incidentAlertsQuerySchema,
  incidentExists,
  listIncidentAlerts,
  resolveIncidentId,
} from "@/lib/incidents/queries";

export const dynamic = "force-dynamic";

/** GET /api/incidents/{id}/alerts?status=firing&limit=50&cursor=: an incident's alerts, newest first. */
export const GET = apiHandler(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const query = parseOr400(incidentAlertsQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query parameters");
  const incidentId = await resolveIncidentId(id);
  if (!incidentId || !(await incidentExists(incidentId))) throw notFound("Incident");
  try {
    return NextResponse.json(await listIncidentAlerts(incidentId, query));
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badRequest(`Invalid cursor: ${error.message}`);
    throw error;
  }
});

