import { notifySlack } from "@/inngest/functions/notify-slack";
import { pipelineSweep } from "@/inngest/functions/pipeline-sweep";
import { summarizeIncident } from "@/inngest/functions/summarize-incident";
import { triageAlert } from "@/inngest/functions/triage-alert";

/** Every function the app serves at /api/inngest. */
export const functions = [triageAlert, summarizeIncident, notifySlack, pipelineSweep];
