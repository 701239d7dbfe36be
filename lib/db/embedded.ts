import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { env } from "@/lib/env";
import { migrateDeploy } from "./migrate";

/**
 * The no-server default: PostgreSQL compiled to WebAssembly (PGlite, with pgvector), served on the
 * PostgreSQL wire protocol on a loopback port, so that Prisma, pg and the migrations speak to it exactly
 * as to a real server. One process owns the data folder; others find it through a small state file.
 */

interface EmbeddedState {
  port: number;
  pid: number;
}

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/** Connections the socket server multiplexes onto the single PGlite instance. */
const MAX_CONNECTIONS = 64;

function stateFile(dataDir: string): string {
  return path.join(dataDir, "embedded-postgres.json");
}

export function embeddedUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts an embedded server on `dataDir` ("memory://" for a throwaway database). */
export async function startEmbeddedPostgres(dataDir: string, port?: number): Promise<EmbeddedServer> {
  const [{ PGlite }, { vector }, { PGLiteSocketServer }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite-pgvector"),
    import("@electric-sql/pglite-socket"),
  ]);
  if (dataDir !== "memory://") fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir === "memory://" ? undefined : dataDir, { extensions: { vector } });
  const listenPort = port ?? (await freePort());
  const server = new PGLiteSocketServer({ db, port: listenPort, host: "127.0.0.1", maxConnections: MAX_CONNECTIONS });
  await server.start();
  return {
    url: embeddedUrl(listenPort),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

let owned: Promise<EmbeddedServer> | undefined;

/**
 * Makes process.env.DATABASE_URL point at a database: the configured server when DATABASE_URL is set,
 * otherwise the embedded server of this project's data folder (reusing one another process already runs).
 */
export async function ensureDatabaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dataDir = path.resolve(env().OPSRELAY_DATA_DIR);
  const file = stateFile(dataDir);
  if (fs.existsSync(file)) {
    const state = JSON.parse(fs.readFileSync(file, "utf8")) as EmbeddedState;
    if (state.pid !== process.pid && processAlive(state.pid) && (await portAccepts(state.port))) {
      return adoptUrl(embeddedUrl(state.port));
    }
  }
  owned ??= startEmbeddedPostgres(path.join(dataDir, "pg")).then(async (server) => {
    // A process that owns the embedded database brings it up to date, so every entry point (the app,
    // a CLI script run on its own) sees the current schema.
    await migrateDeploy(server.url, { quiet: true });
    const port = Number(new URL(server.url).port);
    fs.writeFileSync(file, JSON.stringify({ port, pid: process.pid } satisfies EmbeddedState));
    const cleanup = () => {
      try {
        const state = JSON.parse(fs.readFileSync(file, "utf8")) as EmbeddedState;
        if (state.pid === process.pid) fs.unlinkSync(file);
      } catch {
        // already gone
      }
    };
    process.once("exit", cleanup);
    return server;
  });
  return adoptUrl((await owned).url);
}

function adoptUrl(url: string): string {
  process.env.DATABASE_URL = url;
  process.env.OPSRELAY_EMBEDDED_DB = "1";
  return url;
}
