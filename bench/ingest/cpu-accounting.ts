/**
 * Where the CPU of a benchmark run went, from Linux /proc: the Next.js server process, the PostgreSQL
 * backends serving the benchmark database, the load generator (this process), and everything else on
 * the machine. Latency on a shared 2-core host depends on all four, so a result records them.
 */
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** user + system CPU seconds of one process; 0 when it is gone. */
function processCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** PostgreSQL backends connected to `database` (their process title names the database). */
function postgresBackends(database: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      if (title.startsWith("postgres: ") && title.includes(` ${database} `)) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** Whole-machine busy and steal seconds (all CPUs) from /proc/stat. */
function machineSeconds(): { busy: number; total: number; steal: number } {
  const [, ...values] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
  const busy = user + nice + system + irq + softirq;
  return { busy: busy / TICKS_PER_SECOND, total: (busy + idle + iowait + steal) / TICKS_PER_SECOND, steal: steal / TICKS_PER_SECOND };
}

export interface CpuShare {
  /** Wall-clock seconds of the interval. */
  seconds: number;
  /** CPU seconds per wall second (1.0 = one full core) for each part. */
  server: number;
  postgres: number;
  loadGenerator: number;
  /** Everything else running on the machine meanwhile (other people's work, PostgreSQL's WAL writer…). */
  other: number;
  /** Time the hypervisor took the CPUs away, in cores. */
  steal: number;
  cores: number;
}

/** Starts measuring; `stop()` returns the shares over the interval. */
export function startCpuAccounting(serverPid: number, database: string): { stop: () => CpuShare } {
  const wall = process.hrtime.bigint();
  const server = processCpuSeconds(serverPid);
  const backends = new Map(postgresBackends(database).map((pid) => [pid, processCpuSeconds(pid)]));
  const self = process.cpuUsage();
  const machine = machineSeconds();
  return {
    stop: () => {
      const seconds = Number(process.hrtime.bigint() - wall) / 1e9;
      const serverUsed = processCpuSeconds(serverPid) - server;
      // Backends opened during the interval count from zero.
      const postgresUsed = postgresBackends(database).reduce((sum, pid) => sum + processCpuSeconds(pid) - (backends.get(pid) ?? 0), 0);
      const selfUsage = process.cpuUsage(self);
      const generatorUsed = (selfUsage.user + selfUsage.system) / 1e6;
      const now = machineSeconds();
      const busy = now.busy - machine.busy;
      const per = (x: number) => Math.max(0, x) / seconds;
      return {
        seconds,
        server: per(serverUsed),
        postgres: per(postgresUsed),
        loadGenerator: per(generatorUsed),
        other: per(busy - serverUsed - postgresUsed - generatorUsed),
        steal: per(now.steal - machine.steal),
        cores: (now.total - machine.total) / seconds,
      };
    },
  };
}
