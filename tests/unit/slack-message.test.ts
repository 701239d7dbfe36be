import { describe, expect, it } from "vitest";
import { decideNotification, type NotifyState } from "@/lib/notify/decide";
import { buildIncidentMessage, escapeMrkdwn, type IncidentForSlack } from "@/lib/notify/slack";

const incident: IncidentForSlack = {
  id: "7f1c2b0e-5a0b-4a43-9a53-0c1f3e1d2a11",
  number: 42,
  title: "checkout-api 5xx rate > 5% <prod> & rising",
  status: "open",
  severity: "high",
  affectedServices: ["checkout-api", "payments-api"],
  environments: ["production"],
  alertCount: 4,
  openAlertCount: 3,
  summary: "Checkout is failing for ~6% of requests since 14:02 UTC.",
  firstAlertAt: new Date("2026-11-25T14:02:00Z"),
};

describe("buildIncidentMessage", () => {
  const msg = buildIncidentMessage(incident, "opened", "https://ops.parcelwise.example/");

  it("links to the incident page under APP_URL", () => {
    const url = "https://ops.parcelwise.example/incidents/7f1c2b0e-5a0b-4a43-9a53-0c1f3e1d2a11";
    expect(msg.text).toContain(url);
    const actions = msg.blocks.find((b) => b.type === "actions") as { elements: Array<{ url: string }> };
    expect(actions.elements[0].url).toBe(url);
  });

  it("says what happened, how bad, and where, in Block Kit", () => {
    expect(msg.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text", text: "Incident opened: INC-42" } });
    const fields = (msg.blocks[2] as { fields: Array<{ text: string }> }).fields.map((f) => f.text);
    expect(fields).toContain("*Severity*\nhigh");
    expect(fields).toContain("*Services*\ncheckout-api, payments-api");
    expect(fields).toContain("*Alerts*\n4 (3 firing)");
    expect(JSON.stringify(msg.blocks)).toContain("Checkout is failing");
  });

  it("escapes Slack control characters in user-provided text", () => {
    const section = msg.blocks[1] as { text: { text: string } };
    expect(section.text.text).toContain("&lt;prod&gt; &amp; rising");
    expect(section.text.text).not.toContain("<prod>");
    expect(escapeMrkdwn("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
  });

  it("keeps sections under Slack's 3000-character limit", () => {
    const long = buildIncidentMessage({ ...incident, summary: "x".repeat(10_000) }, "escalated", "http://localhost:3000");
    for (const b of long.blocks) {
      const text = (b as { text?: { text: string } }).text?.text;
      if (text) expect(text.length).toBeLessThanOrEqual(3000);
    }
  });

  it("shows the escalation, the owning teams and the runbook when known", () => {
    const m = buildIncidentMessage({ ...incident, severity: "critical" }, "escalated", "http://localhost:3000", {
      previousSeverity: "high",
      teams: ["checkout", "payments"],
      runbookUrl: "https://runbooks.parcelwise.internal/checkout/5xx",
    });
    expect(m.text).toContain("[high → critical]");
    expect(JSON.stringify(m.blocks)).toContain("Owner: checkout, payments");
    const actions = m.blocks.find((b) => b.type === "actions") as { elements: Array<{ url: string; action_id: string }> };
    expect(actions.elements.map((e) => e.action_id)).toEqual(["open_incident", "open_runbook"]);
  });

  it("ignores a runbook link that is not http(s)", () => {
    const m = buildIncidentMessage(incident, "opened", "http://localhost:3000", { runbookUrl: "javascript:alert(1)" });
    const actions = m.blocks.find((b) => b.type === "actions") as { elements: unknown[] };
    expect(actions.elements).toHaveLength(1);
  });

  it("omits the summary block when there is no summary yet", () => {
    const m = buildIncidentMessage({ ...incident, summary: null }, "resolved", "http://localhost:3000");
    expect(m.blocks.filter((b) => b.type === "section")).toHaveLength(2);
    expect(m.text).toMatch(/^Incident resolved: INC-42/);
  });
});

describe("decideNotification", () => {
  const now = new Date("2026-11-25T15:00:00Z");
  const quiet = 10 * 60_000;
  const s = (over: Partial<NotifyState>): NotifyState => ({
    status: "open",
    severity: "high",
    openAlertCount: 1,
    lastNotifiedAt: null,
    lastNotifiedState: null,
    ...over,
  });
  const recently = new Date(now.getTime() - 2 * 60_000);
  const longAgo = new Date(now.getTime() - 60 * 60_000);

  it("announces a new incident at once", () => {
    expect(decideNotification(s({}), now, quiet)).toEqual({ action: "send", kind: "opened" });
  });
  it("does not announce an incident that resolved before anyone was told", () => {
    expect(decideNotification(s({ status: "resolved" }), now, quiet).action).toBe("none");
  });
  it("does not announce an incident whose alerts all arrived already resolved", () => {
    expect(decideNotification(s({ openAlertCount: 0 }), now, quiet).action).toBe("none");
  });
  it("does not repeat the same state", () => {
    expect(decideNotification(s({ lastNotifiedAt: longAgo, lastNotifiedState: "open:high" }), now, quiet).action).toBe("none");
  });
  it("ignores acknowledgement and de-escalation", () => {
    expect(decideNotification(s({ status: "investigating", lastNotifiedAt: longAgo, lastNotifiedState: "open:high" }), now, quiet).action).toBe("none");
    expect(decideNotification(s({ severity: "low", lastNotifiedAt: longAgo, lastNotifiedState: "open:high" }), now, quiet).action).toBe("none");
  });
  it("sends an escalation to critical even inside the quiet period", () => {
    expect(decideNotification(s({ severity: "critical", lastNotifiedAt: recently, lastNotifiedState: "open:high" }), now, quiet)).toEqual({
      action: "send",
      kind: "escalated",
    });
  });
  it("delays a non-critical escalation until the quiet period ends", () => {
    const d = decideNotification(s({ severity: "high", lastNotifiedAt: recently, lastNotifiedState: "open:medium" }), now, quiet);
    expect(d).toEqual({ action: "delay", kind: "escalated", until: new Date(recently.getTime() + quiet) });
  });
  it("delays a flapping resolve/reopen, and sends it once the quiet period is over", () => {
    expect(decideNotification(s({ status: "resolved", lastNotifiedAt: recently, lastNotifiedState: "open:high" }), now, quiet).action).toBe("delay");
    expect(decideNotification(s({ status: "resolved", lastNotifiedAt: longAgo, lastNotifiedState: "open:high" }), now, quiet)).toEqual({
      action: "send",
      kind: "resolved",
    });
    expect(decideNotification(s({ status: "open", lastNotifiedAt: longAgo, lastNotifiedState: "resolved:high" }), now, quiet)).toEqual({
      action: "send",
      kind: "reopened",
    });
  });
  it("treats an unreadable stored state as never notified", () => {
    expect(decideNotification(s({ lastNotifiedAt: longAgo, lastNotifiedState: "garbage" }), now, quiet)).toEqual({ action: "send", kind: "opened" });
  });
});
