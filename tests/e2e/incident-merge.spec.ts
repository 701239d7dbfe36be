import { expect, test, type APIRequestContext } from "@playwright/test";

/**
 * Grouping split one outage in two: the engineer merges one incident into the other from its page, lands
 * on the survivor holding both alerts, and the merged incident's page points there.
 */

const run = Date.now().toString(36);

async function incidentFor(request: APIRequestContext, title: string, timestamp: Date, service: string) {
  const response = await request.post("/api/webhooks/generic", {
    data: { id: `merge-${run}-${service}`, title, message: title, severity: "high", service, environment: "prod", labels: { run }, timestamp: timestamp.toISOString() },
  });
  expect(response.status()).toBe(202);
  let found: { id: string; number: number } | undefined;
  await expect
    .poll(
      async () => {
        const list = await (await request.get(`/api/incidents?q=${encodeURIComponent(title)}`)).json();
        found = list.items[0];
        return found?.number ?? null;
      },
      { timeout: 30_000 },
    )
    .not.toBeNull();
  return found!;
}

test("an engineer merges a split incident into another and lands on the one holding both alerts", async ({ page, request }) => {
  // Hours apart, different services: grouping keeps them apart; the engineer knows they are one outage.
  const target = await incidentFor(request, `checkout-api error rate high ${run}`, new Date(Date.now() - 3 * 3600_000), "checkout-api");
  const source = await incidentFor(request, `cart-cache evictions spiking ${run}`, new Date(), "cart-cache");
  expect(source.id).not.toBe(target.id);

  await page.goto(`/incidents/INC-${source.number}`);
  await page.getByLabel("Your name").fill("dana");
  await page.getByLabel("Merge into incident").fill(`INC-${target.number}`);
  await page.getByRole("button", { name: "Merge", exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/incidents/INC-${target.number}$`));
  await expect(page.getByTestId("incident-alert")).toHaveCount(2);
  await expect(page.getByTestId("timeline")).toContainText(`INC-${source.number} merged in (1 alert)`);
  await expect(page.getByTestId("incident-alert").filter({ hasText: "cart-cache evictions spiking" })).toHaveCount(1);

  await page.goto(`/incidents/INC-${source.number}`);
  await expect(page.getByTestId("merged-into")).toContainText(`INC-${target.number}`);
  await expect(page.getByTestId("timeline")).toContainText(`merged into INC-${target.number} by dana`);
  await expect(page.getByTestId("incident-alert")).toHaveCount(0);
  await page.getByTestId("merged-into").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/incidents/INC-${target.number}$`));
});
