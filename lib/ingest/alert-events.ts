import { sendEvent } from "@/lib/events/send";

/**
 * Emits alert/received for stored alerts, coalescing concurrent requests: ids arriving within a short
 * window go out as one event (one Inngest API call instead of one per webhook), up to MAX_IDS per
 * event. The promise resolves once the event carrying these ids was handed over, so next/server
 * `after()` keeps a serverless function alive until then. A lost event is recovered by the pipeline's
 * sweep of pending alerts (the rows are already stored).
 */

const WINDOW_MS = 10;
const MAX_IDS = 100;

interface Batch {
  ids: string[];
  waiters: (() => void)[];
  timer: NodeJS.Timeout;
}

let open: Batch | undefined;

function flush(batch: Batch) {
  if (open === batch) open = undefined;
  clearTimeout(batch.timer);
  void sendEvent("alert/received", { alertIds: batch.ids }).finally(() => batch.waiters.forEach((resolve) => resolve()));
}

export function emitAlertsReceived(alertIds: string[]): Promise<void> {
  if (alertIds.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    if (open && open.ids.length + alertIds.length > MAX_IDS) flush(open);
    if (!open) {
      const batch: Batch = { ids: [], waiters: [], timer: setTimeout(() => flush(batch), WINDOW_MS) };
      open = batch;
    }
    open.ids.push(...alertIds);
    open.waiters.push(resolve);
    if (open.ids.length >= MAX_IDS) flush(open);
  });
}
