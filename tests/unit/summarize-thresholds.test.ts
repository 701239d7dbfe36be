import { describe, expect, it } from "vitest";
import { alertCountThresholdCrossed, resummarizeReason, type SummaryState } from "@/lib/triage/summarize";

const base: SummaryState = {
  hasSummary: true,
  summaryAlertCount: 1,
  alertCount: 1,
  severity: "high",
  status: "open",
  lastSummary: { severity: "high", status: "open" },
};

describe("alertCountThresholdCrossed", () => {
  it("fires at 3, 10 and 50 only when crossing them", () => {
    expect(alertCountThresholdCrossed(1, 2)).toBeNull();
    expect(alertCountThresholdCrossed(2, 3)).toBe(3);
    expect(alertCountThresholdCrossed(3, 9)).toBeNull();
    expect(alertCountThresholdCrossed(9, 10)).toBe(10);
    expect(alertCountThresholdCrossed(10, 49)).toBeNull();
    expect(alertCountThresholdCrossed(49, 50)).toBe(50);
  });
  it("reports the highest threshold when several were jumped at once", () => {
    expect(alertCountThresholdCrossed(1, 60)).toBe(50);
  });
  it("keeps re-summarizing big incidents at each doubling past 50", () => {
    expect(alertCountThresholdCrossed(60, 99)).toBeNull();
    expect(alertCountThresholdCrossed(99, 100)).toBe(100);
    expect(alertCountThresholdCrossed(150, 210)).toBe(200);
  });
});

describe("resummarizeReason", () => {
  it("summarizes a new incident", () => {
    expect(resummarizeReason({ ...base, hasSummary: false, summaryAlertCount: null, lastSummary: null })).toBe("new_incident");
  });
  it("stays quiet for a second alert with nothing else changed", () => {
    expect(resummarizeReason({ ...base, alertCount: 2 })).toBeNull();
  });
  it("re-summarizes when the third alert arrives", () => {
    expect(resummarizeReason({ ...base, alertCount: 3 })).toBe("alert_count");
  });
  it("re-summarizes on severity escalation but not on de-escalation", () => {
    expect(resummarizeReason({ ...base, severity: "critical" })).toBe("escalated");
    expect(resummarizeReason({ ...base, severity: "low" })).toBeNull();
  });
  it("re-summarizes on resolution once, and on reopening", () => {
    expect(resummarizeReason({ ...base, status: "resolved" })).toBe("resolved");
    expect(resummarizeReason({ ...base, status: "resolved", lastSummary: { severity: "high", status: "resolved" } })).toBeNull();
    expect(resummarizeReason({ ...base, status: "open", lastSummary: { severity: "high", status: "resolved" } })).toBe("reopened");
  });
  it("acknowledging (open → investigating) alone is not worth an LLM call", () => {
    expect(resummarizeReason({ ...base, status: "investigating" })).toBeNull();
  });
  it("falls back to the alert-count rule when the last summary's state is unknown", () => {
    expect(resummarizeReason({ ...base, lastSummary: null, alertCount: 2 })).toBeNull();
    expect(resummarizeReason({ ...base, lastSummary: null, alertCount: 10, summaryAlertCount: 4 })).toBe("alert_count");
  });
});
