import { inject } from "vitest";
import { resetEnv } from "@/lib/env";

// Every test file talks to the run's database; nothing reaches the outside world.
process.env.DATABASE_URL = inject("databaseUrl");
if (process.env.OPSRELAY_TEST_DB === "embedded") process.env.OPSRELAY_EMBEDDED_DB = "1";
for (const key of ["INNGEST_DEV", "INNGEST_EVENT_KEY", "ANTHROPIC_API_KEY", "HF_TOKEN", "SLACK_WEBHOOK_URL"]) {
  delete process.env[key];
}
resetEnv();
