/**
 * When is a heartbeat missing? Platforms repeat a firing heartbeat at their own interval (Alertmanager's
 * repeat_interval: 4 h by default, often 1 min for dead man's switches), so the limit is learned from the
 * heartbeat's own history: 3 × its average repeat interval, never less than a floor. Until it has
 * repeated once, a configured default interval stands in.
 */

export interface HeartbeatHistory {
  /** First received. */
  createdAt: Date;
  lastSeenAt: Date;
  /** Deliveries that carried it (a retry of the same delivery does not count). */
  occurrenceCount: number;
}

export interface CadenceSettings {
  missingMinutes: number;
  defaultIntervalMinutes: number;
}

export interface HeartbeatVerdict {
  expectedIntervalMs: number;
  /** False while the interval is the configured default (one delivery seen so far). */
  intervalObserved: boolean;
  missingAfterMs: number;
  silentMs: number;
  missing: boolean;
}

const MISSED_INTERVALS = 3;

export function heartbeatVerdict(history: HeartbeatHistory, now: Date, settings: CadenceSettings): HeartbeatVerdict {
  const span = history.lastSeenAt.getTime() - history.createdAt.getTime();
  const observed = history.occurrenceCount > 1 && span > 0 ? span / (history.occurrenceCount - 1) : null;
  const expectedIntervalMs = observed ?? settings.defaultIntervalMinutes * 60_000;
  const missingAfterMs = Math.max(settings.missingMinutes * 60_000, MISSED_INTERVALS * expectedIntervalMs);
  const silentMs = Math.max(0, now.getTime() - history.lastSeenAt.getTime());
  return { expectedIntervalMs, intervalObserved: observed !== null, missingAfterMs, silentMs, missing: silentMs > missingAfterMs };
}
