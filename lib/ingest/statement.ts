import pg from "pg";
import { databaseUrl, db, isEmbeddedDatabase } from "@/lib/db";

/**
 * Runs one of the ingest path's SQL statements ($1… parameters). Against a PostgreSQL server it goes
 * through a pg pool of its own as a named prepared statement: parsed and planned once per connection
 * instead of once per webhook, and without the Prisma client's per-query work — together about 2 ms of
 * Node CPU and 1 ms of PostgreSQL planning per request (bench/ingest/results.md). On the embedded
 * database it goes through the shared Prisma client: that server must see every query on its one
 * connection (lib/db/client.ts).
 */

const POOL_SIZE = 10;

const globalForIngest = globalThis as unknown as { __opsrelayIngestPool?: { url: string; pool: pg.Pool } };

function pool(url: string): pg.Pool {
  const cached = globalForIngest.__opsrelayIngestPool;
  if (cached?.url === url) return cached.pool;
  void cached?.pool.end().catch(() => {});
  // allowExitOnIdle: idle connections never keep a script or test process alive.
  const created = new pg.Pool({ connectionString: url, max: POOL_SIZE, allowExitOnIdle: true });
  // A server restart breaks idle connections; the pool drops them and the next query reconnects.
  created.on("error", () => {});
  globalForIngest.__opsrelayIngestPool = { url, pool: created };
  return created;
}

export interface Statement {
  /**
   * Unique per SQL text: PostgreSQL keeps the prepared statement and its plan per connection under this
   * name. Without one the statement is planned anew on every execution.
   */
  name?: string;
  text: string;
}

export async function runStatement<Row>(statement: Statement, values: unknown[]): Promise<Row[]> {
  if (isEmbeddedDatabase()) return db().$queryRawUnsafe<Row[]>(statement.text, ...values);
  const result = await pool(databaseUrl()).query<Row & pg.QueryResultRow>({ name: statement.name, text: statement.text, values });
  return result.rows;
}

/** Closes the pool (tests and scripts that end their own connections). */
export async function closeStatementPool(): Promise<void> {
  const cached = globalForIngest.__opsrelayIngestPool;
  globalForIngest.__opsrelayIngestPool = undefined;
  await cached?.pool.end();
}
