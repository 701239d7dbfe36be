import { classifyAlert } from "@/lib/triage/classify";
import { embedAlert } from "@/lib/triage/embed";
import { extractAlertEntities } from "@/lib/triage/extract-entities";
import { groupAlert } from "@/lib/triage/group";
import { recordIfHeartbeat } from "@/lib/triage/heartbeat";
import { beginTriage, failTriage, finishTriage, settleResolvedAlert, type TriagePlan } from "@/lib/pipeline/alert-state";
import { errorMessage, type StepContext } from "@/lib/pipeline/retry";

/**
 * The one definition of the triage workflow. The Inngest function maps each step onto step.run (durable,
 * retried by Inngest); the in-process runner runs the same steps directly with retries and backoff.
 */

/** How a backend runs one named, retried, memoized step. */
export interface StepRunner {
  run<T>(id: string, fn: (ctx: StepContext) => Promise<T>): Promise<T>;
}

/** A step's JSON result (memoized by Inngest); `degraded` says what fell back. */
export interface StepOutcome {
  degraded?: string;
  [key: string]: string | number | boolean | null | undefined;
}

export interface TriageStep {
  id: "classify" | "extract-entities" | "embed" | "group";
  run(alertId: string, ctx: StepContext): Promise<StepOutcome>;
}

/** In order: grouping reads the severity, service and vector the earlier steps wrote. */
export const TRIAGE_STEPS: readonly TriageStep[] = [
  { id: "classify", run: classifyAlert },
  { id: "extract-entities", run: extractAlertEntities },
  { id: "embed", run: embedAlert },
  {
    id: "group",
    run: async (alertId) => {
      const { incidentId, decision, reason } = await groupAlert(alertId);
      return { incidentId, decision, reason };
    },
  },
];

export interface TriageResult {
  alertId: string;
  plan: TriagePlan["action"];
  state: "processed" | "degraded" | "failed" | "skipped";
  degradations: string[];
  error?: string;
}

/**
 * Triage one alert. Never throws for a failed step: after its retries the alert is marked 'failed'
 * with the error, so it is visible rather than silently pending.
 */
export async function triageAlertWorkflow(alertId: string, runner: StepRunner): Promise<TriageResult> {
  const plan = await runner.run(`begin:${alertId}`, () => beginTriage(alertId));
  if (plan.action === "skip") return { alertId, plan: plan.action, state: "skipped", degradations: [] };

  const degradations: string[] = [];
  try {
    // A heartbeat is recorded, not triaged: grouping it would open an incident that never ends.
    const heartbeat = plan.action === "triage" && (await runner.run(`heartbeat:${alertId}`, () => recordIfHeartbeat(alertId))).heartbeat;
    if (plan.action === "triage" && !heartbeat) {
      for (const step of TRIAGE_STEPS) {
        const outcome = await runner.run(`${step.id}:${alertId}`, (ctx) => step.run(alertId, ctx));
        if (outcome?.degraded) degradations.push(outcome.degraded);
      }
    }
    // A resolve notification, a re-fire, or an alert that arrived already resolved: its incident follows.
    await runner.run(`settle:${alertId}`, () => settleResolvedAlert(alertId, { justGrouped: plan.action === "triage" }));
    const state = await runner.run(`finish:${alertId}`, () => finishTriage(alertId, degradations, plan.action));
    return { alertId, plan: plan.action, state, degradations };
  } catch (error) {
    const message = errorMessage(error);
    await runner.run(`fail:${alertId}`, () => failTriage(alertId, message));
    return { alertId, plan: plan.action, state: "failed", degradations, error: message };
  }
}
