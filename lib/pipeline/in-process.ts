import type { EventData, EventName } from "@/lib/events/events";
import { log } from "@/lib/pipeline/log";

/**
 * In-process stand-in for Inngest: accepts events and runs their workflow in the background, after the
 * caller (usually a webhook response) has returned. First version: events are accepted and the alerts
 * stay 'pending' (already stored), to be triaged by the runner once the workflow lands.
 */
export function dispatchInProcess<N extends EventName>(name: N, data: EventData<N>): void {
  setImmediate(() => {
    log.debug(`in-process event ${name} accepted`, { data });
  });
}
