import { events, type EventData, type EventName } from "@/lib/events/events";
import { pipelineMode } from "@/lib/events/mode";
import { log } from "@/lib/pipeline/log";

/** A webhook never waits longer than this for Inngest to take an event (the SDK itself retries ~2 s). */
const SEND_TIMEOUT_MS = 5_000;

/**
 * Emits a pipeline event. Never throws: the data it refers to is already stored (alerts as 'pending'),
 * so a failed send only delays processing until the recovery sweep picks the rows up again.
 */
export async function sendEvent<N extends EventName>(name: N, data: EventData<N>): Promise<void> {
  const parsed = events[name].safeParse(data);
  if (!parsed.success) {
    log.error(`sendEvent(${name}): invalid data, not sent`, { issues: parsed.error.issues.map((i) => i.message) });
    return;
  }
  try {
    if (pipelineMode() === "inngest") {
      const { inngest } = await import("@/inngest/client");
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Inngest did not accept the event within ${SEND_TIMEOUT_MS} ms`)), SEND_TIMEOUT_MS);
      });
      try {
        await Promise.race([inngest.send({ name, data: parsed.data }), timeout]);
      } finally {
        clearTimeout(timer);
      }
    } else {
      const { dispatchInProcess } = await import("@/lib/pipeline/in-process");
      dispatchInProcess(name, parsed.data as EventData<N>);
    }
  } catch (error) {
    log.error(`sendEvent(${name}) failed; the recovery sweep will retry`, { error: String(error) });
  }
}
