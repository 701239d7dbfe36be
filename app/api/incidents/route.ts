import { NextResponse } from "next/server";
import { badRequest, apiHandler, parseOr400 } from "@/lib/http/api-error";
import { InvalidCursorError, incidentListQuerySchema, listIncidents } from "@/lib/incidents/queries";

export const dynamic = "force-dynamic";

/** GET /api/incidents?status=open,investigating&severity=critical&service=&environment=&q=&sort=&limit=&cursor= */
export const GET = apiHandler(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  const query = parseOr400(incidentListQuerySchema, raw, "query parameters");
  try {
    return NextResponse.json(await listIncidents(query));
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badRequest(`Invalid cursor: ${error.message}`);
    throw error;
  }
});
