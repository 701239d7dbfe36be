import { db } from "@/lib/db";
import { offlineSummary } from "@/lib/ml/summarize/offline-summarizer";
import type { Summary, SummaryInput } from "@/lib/ml/types";
import { modelLabel } from "@/lib/pipeline/alert-text";
import { log } from "@/lib/pipeline/log";
import { getSummarizerForTriage, mlTimeoutMs } from "@/lib/pipeline/providers";
import { errorMessage, type StepContext, withTimeout } from "@/lib/pipeline/retry";
import { safeCatalog } from "@/lib/triage/classify";
import { resummarizeReason, type ResummarizeReason } from "@/lib/triage/summarize";
import type { Severity } from "@/lib/severity";

const ALERTS_IN_SUMMARY = 50;
const TIMELINE_IN_SUMMARY = 30;

/** Step 1: does the incident's state call for a new summary? */
export async function decideSummary(incidentId: string, ctx: StepContext): Promise<{ reason: ResummarizeReason | null }> {
  const incident = await db().incident.findUnique({ where: { id: incidentId } });
  if (!incident) {
    // The event can outrun the commit's visibility (replicas, the embedded server's shared session):
    // look again before concluding it is gone.
    if (!ctx.finalAttempt) throw new Error(`incident ${incidentId} not found (yet)`);
    log.warn(`incident ${incidentId}: not found when deciding its summary`);
    return { reason: null };
  }
  const last = await db().incidentAction.findFirst({
    where: { incidentId, type: "summary_updated" },
    orderBy: { createdAt: "desc" },
    select: { data: true },
  });
  const data = (last?.data ?? null) as { severity?: Severity; status?: string } | null;
  const reason = resummarizeReason({
    hasSummary: incident.summary !== null,
    summaryAlertCount: incident.summaryAlertCount,
    alertCount: incident.alertCount,
    severity: incident.severity,
    status: incident.status,
    lastSummary: data?.severity && data.status ? { severity: data.severity, status: data.status } : null,
  });
  return { reason };
}

async function loadSummaryInput(incidentId: string): Promise<SummaryInput> {
  const incident = await db().incident.findUniqueOrThrow({ where: { id: incidentId } });
  const [alerts, timeline] = await Promise.all([
    db().alert.findMany({
      where: { incidentId },
      orderBy: { alertTimestamp: "desc" },
      take: ALERTS_IN_SUMMARY,
      // Not raw_payload: it can be a whole webhook body per alert.
      select: {
        title: true,
        message: true,
        source: true,
        status: true,
        severity: true,
        sourceSeverity: true,
        serviceName: true,
        environment: true,
        region: true,
        errorCode: true,
        alertTimestamp: true,
        occurrenceCount: true,
      },
    }),
    db().incidentAction.findMany({ where: { incidentId }, orderBy: [{ createdAt: "desc" }, { seq: "desc" }], take: TIMELINE_IN_SUMMARY }),
  ]);
  return {
    incident: {
      number: incident.number,
      title: incident.title,
      status: incident.status,
      severity: incident.severity,
      affectedServices: incident.affectedServices,
      environments: incident.environments,
      firstAlertAt: incident.firstAlertAt,
      lastAlertAt: incident.lastAlertAt,
      alertCount: incident.alertCount,
    },
    alerts: alerts.reverse().map((a) => ({
      title: a.title,
      message: a.message,
      source: a.source,
      status: a.status,
      severity: a.severity ?? a.sourceSeverity,
      service: a.serviceName,
      environment: a.environment,
      region: a.region,
      errorCode: a.errorCode,
      occurredAt: a.alertTimestamp,
      occurrenceCount: a.occurrenceCount,
    })),
    timeline: timeline.reverse().map((t) => ({ type: t.type, actor: t.actor, message: t.message, at: t.createdAt })),
  };
}

/**
 * Step 2: writes the summary. A failing summarizer is retried; on the last attempt the offline
 * template writes it instead and the timeline says which provider fell back.
 */
export async function writeIncidentSummary(
  incidentId: string,
  reason: ResummarizeReason,
  ctx: StepContext,
): Promise<{ model: string; degradedFrom?: string }> {
  const input = await loadSummaryInput(incidentId);
  let summary: Summary;
  try {
    summary = await withTimeout((await getSummarizerForTriage()).summarize(input), mlTimeoutMs(), "summarizer");
  } catch (error) {
    if (!ctx.finalAttempt) throw error;
    log.warn(`incident ${incidentId}: summarizer failed, using the offline template`, { error: errorMessage(error) });
    summary = {
      provider: "fallback",
      model: "offline-template",
      text: offlineSummary(input, safeCatalog()),
      degradedFrom: errorMessage(error),
    };
  }
  const model = modelLabel(summary);
  await db().$transaction([
    db().incident.update({
      where: { id: incidentId },
      data: { summary: summary.text, summaryModel: model, summaryUpdatedAt: new Date(), summaryAlertCount: input.incident.alertCount },
    }),
    db().incidentAction.create({
      data: {
        incidentId,
        type: "summary_updated",
        actor: "triage",
        message: `Summary ${reason === "new_incident" ? "written" : "updated"} (${reason.replace("_", " ")}) by ${model}`,
        data: {
          reason,
          model,
          severity: input.incident.severity,
          status: input.incident.status,
          alertCount: input.incident.alertCount,
          ...(summary.degradedFrom ? { degradedFrom: summary.degradedFrom } : {}),
        },
      },
    }),
  ]);
  return { model, ...(summary.degradedFrom ? { degradedFrom: summary.degradedFrom } : {}) };
}
