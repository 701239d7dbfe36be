export { databaseUrl, db, disconnectDb, isEmbeddedDatabase, Prisma, type Db, type PrismaClient } from "./client";
export * from "./vector";
