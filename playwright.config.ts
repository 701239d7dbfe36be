import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * End-to-end tests in Debian's Chromium (Playwright's own browser download is not possible offline)
 * against the real production server (`npm start`) on a throwaway embedded database.
 */
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
    trace: "off",
  },
  webServer: {
    command: `rm -rf .data/e2e && npm start`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      OPSRELAY_DATA_DIR: ".data/e2e",
      DATABASE_URL: "",
      OPSRELAY_INSECURE_WEBHOOKS: "1",
      // Summaries follow incident changes after a debounce; keep it short so the test sees them.
      SUMMARY_DEBOUNCE_SECONDS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
