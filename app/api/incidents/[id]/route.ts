import { NextResponse } from "next/server";
import { apiHandler, notFound } from "@/lib/http/api-error";
import { getIncidentDetail, resolveIncidentId } from "@/lib/incidents/queries";

export const dynamic = "force-dynamic";

/** GET /api/incidents/{id | INC-number}: the incident with its alerts and timeline. */
export const GET = apiHandler(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const incidentId = await resolveIncidentId(id);
  const incident = incidentId ? await getIncidentDetail(incidentId) : null;
  if (!incident) throw notFound("Incident");
  return NextResponse.json({ incident });
});
