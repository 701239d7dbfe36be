import pg from "pg";
import { startEmbeddedPostgres } from "./embedded";
import { migrateDeploy } from "./migrate";

export interface TempDatabase {
  url: string;
  embedded: boolean;
  /** Drops the database (or stops the embedded server). */
  drop(): Promise<void>;
}

export const LOCAL_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * A fresh, migrated database that nothing else uses — for test runs, evals and benchmarks, so they never
 * touch the app's data: a new database on the server at `adminUrl` (default: the local PostgreSQL), or an
 * in-memory embedded PGlite server with `embedded: true`.
 */
export async function createTempDatabase(opts: { adminUrl?: string; embedded?: boolean; prefix?: string } = {}): Promise<TempDatabase> {
  if (opts.embedded) {
    const server = await startEmbeddedPostgres("memory://");
    await migrateDeploy(server.url, { quiet: true });
    return { url: server.url, embedded: true, drop: () => server.stop() };
  }
  const adminUrl = opts.adminUrl ?? LOCAL_ADMIN_URL;
  const name = `${opts.prefix ?? "opsrelay_tmp"}_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateDeploy(url.toString(), { quiet: true });
  return {
    url: url.toString(),
    embedded: false,
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
