import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const sent: { name: string; data: { alertIds: string[] } }[] = [];
vi.mock("@/lib/events/send", () => ({
  sendEvent: vi.fn(async (name: string, data: { alertIds: string[] }) => {
    sent.push({ name, data });
  }),
}));

const { emitAlertsReceived } = await import("@/lib/ingest/alert-events");
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe("alert/received coalescing", () => {
  beforeEach(() => {
    sent.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("sends ids from requests within the window as one event, and resolves each caller after the send", async () => {
    let resolved = 0;
    const a = emitAlertsReceived(["a1"]).then(() => resolved++);
    const b = emitAlertsReceived(["b1", "b2"]).then(() => resolved++);
    await Promise.resolve();
    expect(sent).toHaveLength(0);
    expect(resolved).toBe(0);
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all([a, b]);
    expect(sent).toEqual([{ name: "alert/received", data: { alertIds: ["a1", "b1", "b2"] } }]);
    expect(resolved).toBe(2);
  });

  it("caps an event at 100 ids and never splits one request's ids across events", async () => {
    const first = emitAlertsReceived(ids("x", 60));
    const second = emitAlertsReceived(ids("y", 60)); // would exceed 100: the first batch goes alone
    const big = emitAlertsReceived(ids("z", 150)); // larger than the cap on its own: sent at once
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all([first, second, big]);
    expect(sent.map((e) => e.data.alertIds.length)).toEqual([60, 60, 150]);
    expect(sent[0].data.alertIds[0]).toBe("x-0");
    expect(sent[1].data.alertIds[0]).toBe("y-0");
  });

  it("sends nothing for no ids", async () => {
    await emitAlertsReceived([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(sent).toHaveLength(0);
  });
});
