import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";

// `prisma generate` reads the schema's env("DATABASE_URL") but never connects: give it a well-formed
// placeholder so that a build works with the embedded default (where the URL is only known at run time).
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/opsrelay_build_placeholder";

// Prisma's native engines cannot be downloaded offline: the JS engine with the pg driver adapter
// serves generate, migrate deploy and runtime queries alike.
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL! });
  },
} satisfies PrismaConfig;
