import { expect, test } from "@playwright/test";

/**
 * Alertmanager's always-firing Watchdog through the real server and browser: it shows on the overview as a
 * live heartbeat and never becomes an incident.
 */

test("Alertmanager's Watchdog shows as a live heartbeat, not as an incident", async ({ page, request }) => {
  const labels = { alertname: "Watchdog", prometheus: "monitoring/k8s", severity: "none" };
  const response = await request.post("/api/webhooks/alertmanager", {
    data: {
      version: "4",
      groupKey: '{}/{alertname="Watchdog"}:{alertname="Watchdog"}',
      truncatedAlerts: 0,
      status: "firing",
      receiver: "opsrelay-heartbeat",
      groupLabels: { alertname: "Watchdog" },
      commonLabels: labels,
      commonAnnotations: {},
      externalURL: "http://alertmanager.example:9093",
      alerts: [
        {
          status: "firing",
          labels,
          annotations: { summary: "An alert that should always be firing to certify that Alertmanager is working properly." },
          startsAt: new Date(Date.now() - 3600_000).toISOString(),
          endsAt: "0001-01-01T00:00:00Z",
          generatorURL: "http://prometheus.example:9090/graph?g0.expr=vector%281%29",
          fingerprint: `e2e${Date.now().toString(16)}`,
        },
      ],
    },
  });
  expect(response.status()).toBe(202);

  await page.goto("/");
  const heartbeats = page.getByTestId("heartbeats");
  await expect(async () => {
    await page.reload();
    await expect(heartbeats).toContainText("Watchdog", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(heartbeats.locator("li").filter({ hasText: "Watchdog" })).toContainText("OK");
  await expect(heartbeats).toContainText("from alertmanager");

  // Listed as a heartbeat means triage has finished with it: no incident carries it.
  await page.goto("/incidents");
  await expect(page.getByTestId("incident-row").filter({ hasText: /Watchdog|always be firing/ })).toHaveCount(0);
});
