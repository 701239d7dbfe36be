import { inngest } from "@/inngest/client";
import { pipelineRetries } from "@/inngest/functions/config";
import { env } from "@/lib/env";
import { events } from "@/lib/events/events";
import { failTriage } from "@/lib/pipeline/alert-state";
import { inngestStepRunner } from "@/lib/pipeline/inngest-step-runner";
import { triageAlertWorkflow } from "@/lib/pipeline/workflow";

const { retries, maxAttempts } = pipelineRetries();
const MAX_ALERTS_PER_RUN = 25;

/** alert/received → classify, extract entities, embed, group (one step each, per alert). */
export const triageAlert = inngest.createFunction(
  {
    id: "triage-alert",
    name: "Triage alert",
    triggers: [{ event: "alert/received" }],
    retries,
    concurrency: { limit: env().PIPELINE_CONCURRENCY },
    // Safety net: if the run dies outside a step, its alerts end visibly failed, not pending.
    onFailure: async ({ event, error }) => {
      const original = events["alert/received"].safeParse(event.data.event.data);
      if (!original.success) return;
      for (const id of original.data.alertIds) await failTriage(id, error.message);
    },
  },
  async ({ event, step, attempt, maxAttempts: fromInngest }) => {
    const { alertIds } = events["alert/received"].parse(event.data);
    if (alertIds.length > MAX_ALERTS_PER_RUN) {
      // A run has a step budget (~7 steps per alert): a big batch (an Alertmanager group) fans out.
      const chunks: string[][] = [];
      for (let i = 0; i < alertIds.length; i += MAX_ALERTS_PER_RUN) chunks.push(alertIds.slice(i, i + MAX_ALERTS_PER_RUN));
      await step.sendEvent("fan-out", chunks.map((ids) => ({ name: "alert/received", data: { alertIds: ids } })));
      return { fannedOut: chunks.length };
    }
    const runner = inngestStepRunner(step, attempt, fromInngest ?? maxAttempts);
    const results = [];
    for (const id of alertIds) results.push(await triageAlertWorkflow(id, runner));
    return results;
  },
);
