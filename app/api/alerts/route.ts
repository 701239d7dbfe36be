import { NextResponse } from "next/server";
import { InvalidCursorError, listAlerts, listAlertsQuerySchema } from "@/lib/alerts/queries";
import { apiHandler, badRequest, parseOr400 } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/alerts?state=&source=&service=&status=&incidentId=&limit=&cursor= — newest received first. */
export const GET = apiHandler(async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = parseOr400(listAlertsQuerySchema, params, "query");
  try {
    return NextResponse.json(await listAlerts(query));
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badRequest(error.message);
    throw error;
  }
});
