import { createTempDatabase as create } from "@/lib/db/temp-database";

/**
 * A throwaway migrated database for the RAG eval and benchmark (see lib/db/temp-database.ts), made the
 * process's DATABASE_URL. Call drop() at the end.
 */
export async function createTempDatabase(opts: { embedded?: boolean; prefix: string; adminUrl?: string }): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await create(opts);
  process.env.DATABASE_URL = database.url;
  if (database.embedded) process.env.OPSRELAY_EMBEDDED_DB = "1";
  return database;
}
