import { sendEvent } from "@/lib/events/send";
import { resetForRetriage } from "@/lib/pipeline/alert-state";

/**
 * "Retry triage" for a failed alert (dashboard / API): back to pending and through the pipeline again.
 * Returns false when there is nothing to retry (unknown, unmapped, or already triaged).
 */
export async function retriageAlert(alertId: string): Promise<boolean> {
  if (!(await resetForRetriage(alertId))) return false;
  await sendEvent("alert/received", { alertIds: [alertId] });
  return true;
}
