/**
 * `npm start` / `npm run dev`: makes sure a database is there (DATABASE_URL, or the embedded PostgreSQL
 * whose data lives under OPSRELAY_DATA_DIR), applies migrations, then runs Next.js against it. The
 * embedded server lives in this process, so stopping the app stops the database.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { ensureDatabaseUrl } from "@/lib/db/embedded";
import { migrateDeploy } from "@/lib/db/migrate";
import { env, describeConfiguredSecrets } from "@/lib/env";

const mode = process.argv[2] === "dev" ? "dev" : "start";

async function main() {
  const settings = env(); // fails here, with every bad variable named, before anything starts
  const embedded = !process.env.DATABASE_URL;
  const url = await ensureDatabaseUrl();
  console.log(embedded ? `database: embedded PostgreSQL (data in ${settings.OPSRELAY_DATA_DIR}/pg)` : "database: DATABASE_URL");
  // The embedded server's owner applies migrations when it starts it (lib/db/embedded.ts).
  if (!embedded) await migrateDeploy(url, { quiet: true });
  console.log("database: migrations applied");
  const secrets = describeConfiguredSecrets(settings);
  console.log(`configured secrets: ${secrets.length ? secrets.join(", ") : "none (offline defaults)"}`);

  const require = createRequire(import.meta.url);
  const nextBin = require.resolve("next/dist/bin/next");
  const port = process.env.PORT ?? "3000";
  const child = spawn(process.execPath, [nextBin, mode, "--port", port], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
