import { planIncidentNotification, sendIncidentNotification, type SendResult } from "@/lib/notify/notify-incident";
import { decideSummary, writeIncidentSummary } from "@/lib/pipeline/summarize-incident";
import { log } from "@/lib/pipeline/log";
import type { StepRunner } from "@/lib/pipeline/workflow";

/** Re-summarizes an incident when its state crossed a threshold (see lib/triage/summarize.ts). */
export async function summarizeIncidentWorkflow(incidentId: string, runner: StepRunner) {
  const { reason } = await runner.run("decide", (ctx) => decideSummary(incidentId, ctx));
  log.debug(`incident ${incidentId}: summary ${reason ? `needed (${reason})` : "unchanged"}`);
  if (!reason) return { summarized: false as const };
  const result = await runner.run("summarize", (ctx) => writeIncidentSummary(incidentId, reason, ctx));
  return { summarized: true as const, reason, ...result };
}

export interface NotifyRunner extends StepRunner {
  sleepUntil(id: string, until: Date): Promise<void>;
}

/** Rounds of "wait out the quiet period, then look again" before giving up to a later event. */
const MAX_ROUNDS = 3;

/** Announces an incident's change on Slack, waiting out the quiet period when needed. */
export async function notifyIncidentWorkflow(incidentId: string, runner: NotifyRunner): Promise<SendResult> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const plan = await runner.run(`plan-${round}`, (ctx) => planIncidentNotification(incidentId, ctx));
    if (plan.action === "none") return { sent: false, why: plan.why };
    if (plan.action === "delay") {
      await runner.sleepUntil(`quiet-period-${round}`, new Date(plan.until));
      continue;
    }
    return runner.run(`send-${round}`, (ctx) => sendIncidentNotification(incidentId, plan.kind, plan.previousState, ctx));
  }
  return { sent: false, why: "still inside the quiet period after several waits" };
}
