import { spawn } from "node:child_process";
import { createRequire } from "node:module";

/**
 * Applies prisma/migrations to the database at `url` with `prisma migrate deploy` (the JS schema engine
 * through the pg adapter: no native engine download). Used by the launcher, scripts and tests alike.
 */
export async function migrateDeploy(url: string, opts: { quiet?: boolean } = {}): Promise<void> {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const code: number = await new Promise((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code})\n${output}`);
}
