import { inngest } from "@/inngest/client";
import { pipelineRetries } from "@/inngest/functions/config";
import { events } from "@/lib/events/events";
import { notifyIncidentWorkflow } from "@/lib/pipeline/incident-workflows";
import { inngestStepRunner } from "@/lib/pipeline/inngest-step-runner";

const { retries, maxAttempts } = pipelineRetries();

/** incident/updated → Slack message for opened / escalated / resolved / reopened, one run per incident at a time. */
export const notifySlack = inngest.createFunction(
  {
    id: "notify-slack",
    name: "Notify Slack",
    triggers: [{ event: "incident/updated" }],
    retries,
    concurrency: { key: "event.data.incidentId", limit: 1 },
  },
  async ({ event, step, attempt, maxAttempts: fromInngest }) => {
    const { incidentId } = events["incident/updated"].parse(event.data);
    return notifyIncidentWorkflow(incidentId, inngestStepRunner(step, attempt, fromInngest ?? maxAttempts));
  },
);
