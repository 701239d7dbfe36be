import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { SOURCES, type SourceName } from "@/lib/ingest/types";
import { buildSamples } from "./build-samples";
import { toJsonText } from "./json-text";
import { postSamples } from "./post-samples";
import { DEFAULT_START } from "./sample-alerts";

/**
 * Sample webhook payloads for all seven sources, about Parcelwise's services and real failure stories.
 *   npm run datasets:alerts                           write datasets/alerts/samples/<source>/*.json
 *   npm run datasets:alerts -- --seed 7 --per-source 20 --out /tmp/samples
 *   npm run datasets:alerts -- --post http://localhost:3000   also POST them, signed as each platform
 *   npm run datasets:alerts -- --correlated --post ...         the same outages seen by every platform
 * Secrets for --post come from the same settings OpsRelay reads (DATADOG_WEBHOOK_TOKEN, ...).
 */

const USAGE = `usage: tsx datasets/alerts/generate.ts [--seed N] [--per-source N] [--out DIR (default datasets/alerts/samples)]
       [--sources a,b] [--start ISO-time] [--correlated] [--post BASE_URL] [--no-write]
  --correlated  every source reports the same failures, as one outage does across tools`;

function main(): Promise<number> | number {
  let args;
  try {
    args = parseArgs({
      options: {
        seed: { type: "string", default: "42" },
        "per-source": { type: "string", default: "5" },
        out: { type: "string" },
        sources: { type: "string" },
        start: { type: "string" },
        post: { type: "string" },
        "no-write": { type: "boolean", default: false },
        correlated: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const perSource = Number(args["per-source"]);
  if (!Number.isInteger(perSource) || perSource < 1 || perSource > 10_000) {
    console.error(`--per-source must be a whole number from 1 to 10000\n${USAGE}`);
    return 2;
  }
  const sources = args.sources ? args.sources.split(",").map((s) => s.trim()) : [...SOURCES];
  const unknown = sources.filter((s) => !(SOURCES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    console.error(`unknown source(s): ${unknown.join(", ")}; known: ${SOURCES.join(", ")}`);
    return 2;
  }
  let postUrl: URL | undefined;
  if (args.post) {
    try {
      postUrl = new URL(args.post);
    } catch {
      console.error(`--post must be a URL such as http://localhost:3000`);
      return 2;
    }
  }
  // Files use a fixed time base (stable in git); posted samples default to "the last hours" so a demo dashboard looks live.
  const start = args.start ? new Date(args.start) : postUrl ? new Date(Date.now() - perSource * sources.length * 7 * 60_000) : DEFAULT_START;
  if (Number.isNaN(start.getTime())) {
    console.error("--start must be an ISO date, e.g. 2026-11-24T06:00:00Z");
    return 2;
  }
  const seed = /^\d+$/.test(args.seed!) ? Number(args.seed) : args.seed!;

  const samples = buildSamples({ seed, perSource, sources: sources as SourceName[], start, correlated: args.correlated });
  console.log(`generated ${samples.length} payloads for ${sources.length} sources (seed ${seed}, from ${start.toISOString()})`);

  // With --post, files are written only to an explicit --out (posted samples carry today's times).
  if (!args["no-write"] && (!postUrl || args.out)) {
    const out = args.out ?? "datasets/alerts/samples";
    for (const source of sources) {
      const dir = join(out, source);
      mkdirSync(dir, { recursive: true });
      // Replace earlier samples of this source so a smaller run leaves no stale files.
      for (const old of readdirSync(dir)) if (old.endsWith(".json")) rmSync(join(dir, old));
    }
    samples.forEach((s, i) => {
      writeFileSync(join(out, s.source, `${s.name}.json`), `${toJsonText(s.body, 2)}\n`);
      if ((i + 1) % 50 === 0 || i === samples.length - 1) console.log(`  wrote ${i + 1}/${samples.length}`);
    });
    console.log(`wrote ${samples.length} files under ${out}/`);
  }

  if (!postUrl) return 0;
  console.log(`posting to ${postUrl.origin}/api/webhooks/<source> ...`);
  return postSamples(samples, postUrl.toString(), env(), (line) => console.log(line)).then((summary) => {
    console.log(`posted ${summary.sent}: ${summary.accepted} accepted, ${summary.failed.length} failed`);
    return summary.failed.length > 0 ? 1 : 0;
  });
}

Promise.resolve(main()).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
