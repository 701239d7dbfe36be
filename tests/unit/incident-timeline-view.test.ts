import { describe, expect, it } from "vitest";
import { foldAlertRuns, type TimelineAction } from "@/lib/incidents/timeline-view";

let seq = 0;
function action(type: string, minute: number, actor = "triage"): TimelineAction {
  seq += 1;
  return { id: `a${seq}`, type, actor, message: `${type} ${seq}`, createdAt: new Date(Date.UTC(2026, 10, 25, 21, minute)) };
}

describe("foldAlertRuns", () => {
  it("folds a storm of joins into one entry and keeps people's actions visible around it", () => {
    const opened = action("incident_opened", 0);
    const joins = Array.from({ length: 40 }, (_, i) => action("alert_added", 1 + (i % 5)));
    const ack = action("status_changed", 6, "alice@example.com");
    const comment = action("comment", 7, "alice@example.com");
    const entries = foldAlertRuns([opened, ...joins, ack, comment]);

    expect(entries.map((e) => e.kind)).toEqual(["action", "alerts_added", "action", "action"]);
    const folded = entries[1];
    if (folded.kind !== "alerts_added") throw new Error("expected a folded run");
    expect(folded.count).toBe(40);
    expect(folded.first).toEqual(joins[0].createdAt);
    expect(folded.last).toEqual(joins[39].createdAt);
    expect(folded.actions).toHaveLength(40);
    expect(entries[2]).toEqual({ kind: "action", action: ack });
  });

  it("keeps short runs as separate rows and splits runs interrupted by other actions", () => {
    const a = [action("alert_added", 1), action("alert_added", 2), action("comment", 3, "bob"), ...Array.from({ length: 3 }, () => action("alert_added", 4))];
    const entries = foldAlertRuns(a);
    expect(entries.map((e) => (e.kind === "action" ? e.action.type : `folded×${e.count}`))).toEqual([
      "alert_added",
      "alert_added",
      "comment",
      "folded×3",
    ]);
  });

  it("returns nothing for an empty timeline", () => {
    expect(foldAlertRuns([])).toEqual([]);
  });
});
