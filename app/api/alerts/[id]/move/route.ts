import { NextResponse } from "next/server";
import { apiHandler, notFound, parseOr400, readJson } from "@/lib/http/api-error";
import { moveAlert } from "@/lib/incidents/move-alert";
import { moveAlertBodySchema, uuidParam } from "@/lib/incidents/schemas";

export const dynamic = "force-dynamic";

/** POST /api/alerts/{id}/move {incidentId: uuid | "new", actor}: correct the grouping by hand. */
export const POST = apiHandler(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  if (!uuidParam.safeParse(id).success) throw notFound("Alert");
  const body = parseOr400(moveAlertBodySchema, await readJson(request));
  const result = await moveAlert(id, body.incidentId === "new" ? "new" : { incidentId: body.incidentId }, body.actor);
  return NextResponse.json(result);
});
