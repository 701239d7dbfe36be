export { db, disconnectDb, Prisma, type Db, type PrismaClient } from "./client";
export * from "./vector";
