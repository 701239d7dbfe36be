import type { TestProject } from "vitest/node";
import pg from "pg";
import { migrateDeploy } from "@/lib/db/migrate";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";

/**
 * One fresh, migrated database per test run: a new database on the real PostgreSQL server
 * (TEST_DATABASE_URL, default the local server), or an in-memory embedded PGlite server when
 * OPSRELAY_TEST_DB=embedded. The same suite runs against both.
 */
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.OPSRELAY_TEST_DB === "embedded") {
    const server: EmbeddedServer = await startEmbeddedPostgres("memory://");
    await migrateDeploy(server.url, { quiet: true });
    project.provide("databaseUrl", server.url);
    return async () => server.stop();
  }

  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `opsrelay_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateDeploy(url.toString(), { quiet: true });
  project.provide("databaseUrl", url.toString());

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
}
