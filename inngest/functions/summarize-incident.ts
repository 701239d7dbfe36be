import { inngest } from "@/inngest/client";
import { pipelineRetries } from "@/inngest/functions/config";
import { env } from "@/lib/env";
import { events } from "@/lib/events/events";
import { summarizeIncidentWorkflow } from "@/lib/pipeline/incident-workflows";
import { inngestStepRunner } from "@/lib/pipeline/inngest-step-runner";

const { retries, maxAttempts } = pipelineRetries();
const period = Math.max(1, env().SUMMARY_DEBOUNCE_SECONDS);

/** incident/updated → rewrite the summary when a threshold was crossed; debounced per incident. */
export const summarizeIncident = inngest.createFunction(
  {
    id: "summarize-incident",
    name: "Summarize incident",
    triggers: [{ event: "incident/updated" }],
    retries,
    debounce: { key: "event.data.incidentId", period: `${period}s`, timeout: `${Math.max(60, period * 10)}s` },
  },
  async ({ event, step, attempt, maxAttempts: fromInngest }) => {
    const { incidentId } = events["incident/updated"].parse(event.data);
    return summarizeIncidentWorkflow(incidentId, inngestStepRunner(step, attempt, fromInngest ?? maxAttempts));
  },
);
