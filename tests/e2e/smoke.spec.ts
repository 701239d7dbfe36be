import { expect, test } from "@playwright/test";

test("the app starts on the embedded database and reports itself healthy", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body.database).toMatchObject({ ok: true, embedded: true });
  expect(body.database.vector).toMatch(/^0\.\d+/);
  expect(body.pipeline).toBe("in-process");
  expect(body.triage.alerts).toMatchObject({ failed: 0 });
  expect(body.triage.queue).not.toBeNull();

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "OpsRelay" })).toBeVisible();
  await expect(page.getByTestId("alert-count")).toHaveText(/\d+/);
});
