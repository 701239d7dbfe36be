import { env } from "@/lib/env";
import type { EventData, EventName } from "@/lib/events/events";
import { notifyIncidentWorkflow, summarizeIncidentWorkflow, type NotifyRunner } from "@/lib/pipeline/incident-workflows";
import { log } from "@/lib/pipeline/log";
import { errorMessage, withRetries } from "@/lib/pipeline/retry";
import { triageAlertWorkflow, type StepRunner } from "@/lib/pipeline/workflow";

/**
 * The in-process stand-in for Inngest (used when Inngest is not configured): the same workflows, run in
 * the background after the webhook has answered. Alerts are triaged PIPELINE_CONCURRENCY at a time from
 * a queue; summaries are debounced per incident; Slack messages for one incident go one at a time.
 * Durability comes from the alert rows: anything lost with the process is 'pending' and recovered.
 */

interface RunnerState {
  queue: string[];
  queued: Set<string>;
  active: Set<string>;
  /** Alerts that changed again (e.g. resolved) while being triaged: run once more afterwards. */
  rerun: Set<string>;
  summaryTimers: Map<string, { timer: NodeJS.Timeout; firstAt: number }>;
  notifyWaiting: Set<string>;
  notifyChains: Map<string, Promise<void>>;
  tasks: Set<Promise<unknown>>;
  stepTimings: Map<string, { ms: number; count: number }>;
}

const holder = globalThis as unknown as { __opsrelayInProcess?: RunnerState };

// Kept on globalThis: Next.js may load this module in more than one bundle (route handlers,
// instrumentation), and they must share one queue.
function state(): RunnerState {
  holder.__opsrelayInProcess ??= {
    queue: [],
    queued: new Set(),
    active: new Set(),
    rerun: new Set(),
    summaryTimers: new Map(),
    notifyWaiting: new Set(),
    notifyChains: new Map(),
    tasks: new Set(),
    stepTimings: new Map(),
  };
  return holder.__opsrelayInProcess;
}

function track<T>(promise: Promise<T>): Promise<T> {
  const s = state();
  s.tasks.add(promise);
  const done = () => s.tasks.delete(promise);
  promise.then(done, done);
  return promise;
}

/** Step runner with retries and backoff; records time per step kind (the bench reads it). */
function stepRunner(label: string): StepRunner {
  const e = env();
  return {
    async run(id, fn) {
      const started = performance.now();
      try {
        return await withRetries(fn, {
          maxAttempts: e.PIPELINE_MAX_ATTEMPTS,
          baseMs: e.PIPELINE_RETRY_BASE_MS,
          onRetry: (error, attempt, delayMs) =>
            log.warn(`${label} step ${id} failed (attempt ${attempt + 1}), retrying in ${delayMs} ms`, { error: errorMessage(error) }),
        });
      } finally {
        const kind = id.split(":")[0];
        const t = state().stepTimings.get(kind) ?? { ms: 0, count: 0 };
        t.ms += performance.now() - started;
        t.count += 1;
        state().stepTimings.set(kind, t);
      }
    },
  };
}

export function dispatchInProcess<N extends EventName>(name: N, data: EventData<N>): void {
  if (name === "alert/received") {
    for (const id of (data as EventData<"alert/received">).alertIds) enqueueAlert(id);
  } else if (name === "incident/updated") {
    const { incidentId } = data as EventData<"incident/updated">;
    scheduleSummary(incidentId);
    scheduleNotification(incidentId);
  }
}

export function enqueueAlert(alertId: string): void {
  const s = state();
  if (s.active.has(alertId)) {
    s.rerun.add(alertId);
    return;
  }
  if (s.queued.has(alertId)) return;
  s.queued.add(alertId);
  s.queue.push(alertId);
  // After the current request's response, never inside it.
  setImmediate(pump);
}

/** Alerts currently queued or running (the recovery sweep skips them). */
export function isInFlight(alertId: string): boolean {
  const s = state();
  return s.queued.has(alertId) || s.active.has(alertId);
}

function pump(): void {
  const s = state();
  const limit = env().PIPELINE_CONCURRENCY;
  while (s.active.size < limit && s.queue.length > 0) {
    const id = s.queue.shift()!;
    s.queued.delete(id);
    s.active.add(id);
    track(
      triageAlertWorkflow(id, stepRunner("triage"))
        .catch((error) => log.error(`alert ${id}: triage could not start; it stays pending for the recovery sweep`, { error: errorMessage(error) }))
        .finally(() => {
          s.active.delete(id);
          if (s.rerun.delete(id)) enqueueAlert(id);
          pump();
        }),
    );
  }
}

/** Trailing debounce per incident, with a cap so a constant stream of alerts still gets summaries. */
function scheduleSummary(incidentId: string): void {
  const s = state();
  const periodMs = env().SUMMARY_DEBOUNCE_SECONDS * 1000;
  const maxWaitMs = Math.max(periodMs * 10, 60_000);
  const existing = s.summaryTimers.get(incidentId);
  if (existing) {
    if (Date.now() - existing.firstAt >= maxWaitMs) return;
    clearTimeout(existing.timer);
  }
  const timer = setTimeout(() => {
    s.summaryTimers.delete(incidentId);
    track(
      summarizeIncidentWorkflow(incidentId, stepRunner("summary")).catch((error) =>
        log.error(`incident ${incidentId}: summary failed`, { error: errorMessage(error) }),
      ),
    );
  }, periodMs);
  s.summaryTimers.set(incidentId, { timer, firstAt: existing?.firstAt ?? Date.now() });
}

/** One notification run per incident at a time; a run already waiting will read the latest state. */
function scheduleNotification(incidentId: string): void {
  const s = state();
  if (s.notifyWaiting.has(incidentId)) return;
  s.notifyWaiting.add(incidentId);
  const runner: NotifyRunner = {
    ...stepRunner("notify"),
    sleepUntil: (_id, until) => new Promise((resolve) => setTimeout(resolve, Math.max(0, until.getTime() - Date.now()))),
  };
  const previous = s.notifyChains.get(incidentId) ?? Promise.resolve();
  const chain: Promise<void> = previous
    .then(async () => {
      s.notifyWaiting.delete(incidentId);
      await notifyIncidentWorkflow(incidentId, runner);
    })
    .catch((error) => log.error(`incident ${incidentId}: notification failed`, { error: errorMessage(error) }))
    .finally(() => {
      if (s.notifyChains.get(incidentId) === chain) s.notifyChains.delete(incidentId);
    });
  s.notifyChains.set(incidentId, chain);
  track(chain);
}

export function inProcessQueue(): { queued: number; active: number } {
  const s = state();
  return { queued: s.queue.length, active: s.active.size };
}

export function inProcessBusy(): boolean {
  const s = state();
  return s.queue.length > 0 || s.active.size > 0 || s.summaryTimers.size > 0 || s.tasks.size > 0;
}

/** Waits until every queued alert, summary and notification has finished (tests, benchmarks, CLI). */
export async function drainInProcess(timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (inProcessBusy()) {
    const s = state();
    if (Date.now() > deadline) {
      throw new Error(
        `in-process pipeline still busy after ${timeoutMs} ms (queued ${s.queue.length}, triaging ${s.active.size}, ` +
          `summaries waiting ${s.summaryTimers.size}, background tasks ${s.tasks.size})`,
      );
    }
    // Always yield a macrotask: queued work starts from setImmediate and timers.
    const tick = new Promise((r) => setTimeout(r, 10));
    await (s.tasks.size > 0 ? Promise.race([Promise.allSettled([...s.tasks]).then(() => tick), tick]) : tick);
  }
}

export function stepTimings(): Record<string, { ms: number; count: number }> {
  return Object.fromEntries(state().stepTimings);
}

export function resetStepTimings(): void {
  state().stepTimings.clear();
}
