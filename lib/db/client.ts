import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type { PrismaClient } from "./generated/client";
export { Prisma } from "./generated/client";

/** A transaction client or the root client: what typed helpers in lib/ accept. */
export type Db = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { __opsrelayDb?: PrismaClient; __opsrelayDbUrl?: string };

/** True when DATABASE_URL points at the embedded PGlite server (lib/db/embedded.ts). */
export function isEmbeddedDatabase(): boolean {
  return process.env.OPSRELAY_EMBEDDED_DB === "1";
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (which runs the embedded database), " +
        "or call ensureDatabaseUrl() from lib/db/embedded before using the database.",
    );
  }
  return url;
}

/**
 * The one Prisma client, on the pg driver adapter (no native engine). Kept on globalThis so that
 * Next.js hot reloads and test files reuse one pool per process.
 */
export function db(): PrismaClient {
  const url = databaseUrl();
  if (globalForDb.__opsrelayDb && globalForDb.__opsrelayDbUrl === url) return globalForDb.__opsrelayDb;
  // The embedded server runs every connection on one PGlite session and can interleave two connections'
  // extended-protocol messages (one's Bind against the other's Parse). One connection per process keeps
  // each statement whole; PGlite executes one query at a time anyway, so nothing is lost.
  const max = isEmbeddedDatabase() ? 1 : 10;
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
  globalForDb.__opsrelayDb = client;
  globalForDb.__opsrelayDbUrl = url;
  return client;
}

export async function disconnectDb(): Promise<void> {
  const client = globalForDb.__opsrelayDb;
  globalForDb.__opsrelayDb = undefined;
  globalForDb.__opsrelayDbUrl = undefined;
  await client?.$disconnect();
}
