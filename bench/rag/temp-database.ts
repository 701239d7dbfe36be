import pg from "pg";
import { migrateDeploy } from "@/lib/db/migrate";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

/**
 * A throwaway migrated database for evals and benchmarks, so they never touch the app's data: a new
 * database on the real server (--admin-url, default the local PostgreSQL), or an in-memory
 * embedded PGlite with `embedded: true`. Sets process.env.DATABASE_URL; call drop() at the end.
 */
export async function createTempDatabase(opts: { embedded?: boolean; prefix: string; adminUrl?: string }): Promise<{ url: string; drop: () => Promise<void> }> {
  if (opts.embedded) {
    const server = await startEmbeddedPostgres("memory://");
    await migrateDeploy(server.url, { quiet: true });
    process.env.DATABASE_URL = server.url;
    process.env.OPSRELAY_EMBEDDED_DB = "1";
    return { url: server.url, drop: () => server.stop() };
  }
  const adminUrl = opts.adminUrl ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `${opts.prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateDeploy(url.toString(), { quiet: true });
  process.env.DATABASE_URL = url.toString();
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
