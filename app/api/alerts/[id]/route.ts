import { NextResponse } from "next/server";
import { getAlert } from "@/lib/alerts/queries";
import { apiHandler, notFound } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/alerts/{id} — one alert with its raw payload, triage results and incident. */
export const GET = apiHandler<Context>(async (_request, { params }) => {
  const { id } = await params;
  const alert = await getAlert(id);
  if (!alert) throw notFound(`Alert ${id}`);
  return NextResponse.json(alert);
});
