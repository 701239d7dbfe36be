/** `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded database. */
import { ensureDatabaseUrl } from "@/lib/db/embedded";
import { migrateDeploy } from "@/lib/db/migrate";

const url = await ensureDatabaseUrl();
await migrateDeploy(url);
process.exit(0);
