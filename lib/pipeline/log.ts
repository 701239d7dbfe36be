import { env } from "@/lib/env";

const order = { debug: 0, info: 1, warn: 2, error: 3 } as const;
type Level = keyof typeof order;

function emit(level: Level, message: string, fields?: Record<string, unknown>) {
  let threshold: Level = "info";
  try {
    threshold = env().LOG_LEVEL;
  } catch {
    // A bad configuration is reported elsewhere; logging must still work.
  }
  if (order[level] < order[threshold]) return;
  const line = `[pipeline] ${message}${fields ? " " + JSON.stringify(fields) : ""}`;
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/** Pipeline logger: one line per message, level from LOG_LEVEL. Never given secrets. */
export const log = {
  debug: (m: string, f?: Record<string, unknown>) => emit("debug", m, f),
  info: (m: string, f?: Record<string, unknown>) => emit("info", m, f),
  warn: (m: string, f?: Record<string, unknown>) => emit("warn", m, f),
  error: (m: string, f?: Record<string, unknown>) => emit("error", m, f),
};
