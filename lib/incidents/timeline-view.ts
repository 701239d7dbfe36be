/**
 * Shapes an incident's timeline for people: a storm adds one "alert_added" row per alert, which would bury
 * the acknowledgements and comments an on-call engineer is looking for, so runs of them fold into one entry.
 */

export interface TimelineAction {
  id: string;
  type: string;
  actor: string;
  message: string | null;
  createdAt: Date;
}

export type TimelineEntry<A extends TimelineAction> =
  | { kind: "action"; action: A }
  | { kind: "alerts_added"; key: string; count: number; first: Date; last: Date; actions: A[] };

/** Runs shorter than this stay as separate rows: two joins read fine on their own. */
export const MIN_FOLDED_RUN = 3;

/** Folds consecutive "alert_added" actions (oldest first in, oldest first out). */
export function foldAlertRuns<A extends TimelineAction>(actions: readonly A[], minRun = MIN_FOLDED_RUN): TimelineEntry<A>[] {
  const entries: TimelineEntry<A>[] = [];
  let run: A[] = [];
  const flush = () => {
    if (run.length >= minRun) {
      entries.push({ kind: "alerts_added", key: run[0].id, count: run.length, first: run[0].createdAt, last: run[run.length - 1].createdAt, actions: run });
    } else {
      for (const action of run) entries.push({ kind: "action", action });
    }
    run = [];
  };
  for (const action of actions) {
    if (action.type === "alert_added") {
      run.push(action);
      continue;
    }
    flush();
    entries.push({ kind: "action", action });
  }
  flush();
  return entries;
}

/** The other incident a merge entry points to (where alerts went, or came from), for a link on the timeline. */
export function mergedIncidentNumber(action: { type: string; data?: unknown }): number | null {
  if (action.type !== "incident_merged" || !action.data || typeof action.data !== "object") return null;
  const data = action.data as { intoIncidentNumber?: unknown; fromIncidentNumber?: unknown };
  const n = data.intoIncidentNumber ?? data.fromIncidentNumber;
  return typeof n === "number" ? n : null;
}
