import { expect, test, type APIRequestContext } from "@playwright/test";

/**
 * The on-call engineer's path through the real server, database and browser: alerts arrive by webhook,
 * triage groups them into an incident with a summary, the engineer acknowledges and comments, and the
 * copilot answers from an uploaded runbook with a citation.
 */

const run = Date.now().toString(36);
const service = `payments-api`;

async function postAlert(request: APIRequestContext, body: Record<string, unknown>) {
  const response = await request.post("/api/webhooks/generic", { data: body });
  expect(response.status()).toBe(202);
  const json = await response.json();
  expect(json.alertIds).toHaveLength(1);
  return json.alertIds[0] as string;
}

test("webhook alerts become one incident that an engineer can acknowledge, comment on and ask about", async ({ page, request }) => {
  const runbook = await request.post("/api/runbooks", {
    data: {
      path: `payments/connection-pool-${run}.md`,
      content: [
        "# Payments API connection pool exhaustion",
        "",
        "## Symptoms",
        "payments-api returns 503 and logs `remaining connection slots are reserved` (SQLSTATE 53300).",
        "",
        "## Mitigation",
        "1. Check active connections on payments-db: `select count(*) from pg_stat_activity;`",
        "2. Restart the payments-api pods one at a time: `kubectl -n payments rollout restart deploy/payments-api`",
        "3. If connections stay above 90%, raise PgBouncer `default_pool_size` to 40.",
      ].join("\n"),
    },
  });
  expect(runbook.ok()).toBeTruthy();

  // Three related alerts a minute apart: one incident, not three.
  const t0 = Date.now() - 5 * 60_000;
  for (let i = 0; i < 3; i++) {
    await postAlert(request, {
      id: `e2e-${run}-${i}`,
      title: i === 1 ? "payments-api p99 latency above 2s" : `payments-api 5xx rate above 5% (${["checkout", "", "refunds"][i]})`,
      message: "FATAL: remaining connection slots are reserved for non-replication superuser connections (SQLSTATE 53300)",
      severity: i === 0 ? "critical" : "high",
      service,
      environment: "prod",
      labels: { region: "eu-west-1", run },
      timestamp: new Date(t0 + i * 60_000).toISOString(),
    });
  }

  await page.goto("/incidents");
  const row = page.getByTestId("incident-row").filter({ hasText: service });
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await expect(row).toContainText("critical");
  await row.getByRole("link").click();

  await expect(page.getByTestId("incident-alert")).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId("incident-summary")).toContainText(service, { timeout: 30_000 });
  await expect(page.getByTestId("timeline")).toContainText("incident opened");

  await page.getByLabel("Your name").fill("dana");
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("investigating").first()).toBeVisible();
  await page.getByLabel("Comment").fill("Restarting payments-api pods per runbook");
  await page.getByRole("button", { name: "Comment" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Restarting payments-api pods per runbook");
  await expect(page.getByTestId("timeline")).toContainText("dana");

  await page.getByLabel("Question").fill("payments api out of db connections, what do i do");
  await page.getByRole("button", { name: "Ask" }).click();
  const answer = page.getByTestId("copilot-answer");
  await expect(answer).toContainText("rollout restart", { timeout: 30_000 });
  await expect(answer.getByRole("list", { name: "Citations" })).toContainText("Mitigation");
});

test("bad webhook input gets a clear JSON error and nothing is stored for it", async ({ request }) => {
  const malformed = await request.post("/api/webhooks/generic", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.message).toMatch(/JSON/i);

  const unknown = await request.post("/api/webhooks/nagios", { data: { title: "x" } });
  expect(unknown.status()).toBe(404);
});
