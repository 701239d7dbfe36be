import { normalizeEnvironment } from "@/lib/ml/entities/normalize";
import type { AlertText } from "@/lib/ml/types";

/**
 * What severity depends on in real alerts, as features a linear model can weigh: the kind of impact the
 * words describe (outage, data at risk, degradation, housekeeping, recovery, mitigation), the scope (all
 * regions vs one pod of twelve), the environment, and magnitudes graded on the rubric's own thresholds
 * (datasets/ml/README.md: 45% errors ≠ 2%, disk 99% ≠ 80%, expires in 2 days ≠ 25). Lexicons cover the
 * wording families, so a phrasing the training data never used still lands on the right cue.
 */

const CUES: [string, RegExp][] = [
  ["outage", /\b(down|outage|unreachable|offline|not responding|unresponsive|stall\w*|halted|frozen|not (?:sending|receiving|writing|accepting)\w*|zero (?:\w+ )?(?:sent|processed|received|orders|scans)|0 (?:\w+ )?(?:sent|processed|received|per min\w*|\/min)|no (?:healthy|ready|available)|hard down|dead|stopped (?:working|streaming|processing|consuming)|(?:sending|processing|ingest\w*|delivery|deliveries|consum\w*|writes|scans|orders) (?:has |have )?stopped|disconnected|not (?:generated|updating|updated|created|written|delivered) (?:at all|for (?:everyone|anyone|all))|not (?:generated|created|written)\b|no (?:hits|results) for|not (?:produced|running|processing)|red|total failure|completely)\b/],
  // "can't reproduce" is an investigation note, not users blocked.
  ["blocked", /\b((?:cannot|can't|can ?not|unable to)(?! (?:reproduce|repro|find|tell|confirm|see why))|blocked|impossible|every (?:request|checkout|login|call|order)|all (?:requests|checkouts|logins|orders|calls|payments|scans) fail)/],
  ["data", /\b(data loss|lost (?:data|messages|writes|events)|corrupt\w*|(?:charged|billed) (?:twice|two times|double)|double[- ]charg\w*|duplicate (?:charges?|payments?)|mismatch\w*|imbalance\w*|no longer balanc\w*|split[- ]brain|two (?:leaders|primaries|masters)|(?:refunded|paid|sent) twice|wrong (?:\w+ )?(?:results|data|coordinates|prices|amounts|totals)|stale)\b/],
  ["exhausted", /\b(exhausted|too many (?:clients|connections)|connection slots|max_connections|out of (?:memory|disk|space)|disk full|no space left|read[- ]only)\b/],
  ["expired", /\b(has expired|expired|cert_has_expired|err_cert_date_invalid)\b/],
  ["failure", /\b(fail\w*|\w*error\w*|\w*exception\w*|timeouts?|timed out|time out|refused|reset|5xx|crash\w*|oom\w*|deadlock\w*|reject\w*|throttl\w*|bounce\w*|denied|panic|fatal)\b/],
  ["degraded", /\b(elevated|slow\w*|latency|degraded|delay\w*|lag\w*|behind|backlog|retry\w*|intermittent\w*|partial\w*|flapping|increas\w*|above (?:threshold|slo|target|normal)|approaching|nearing|growing|rising|spik\w*|high (?:cpu|memory|load))\b/],
  ["housekeeping", /\b((?:deploy\w*|rollout|release|backup|snapshot|upgrade|migration|restart)\b[^.\n]{0,50}\b(?:finished|completed|succeeded|started|done|ok|successful\w*)|rolled out|rolling (?:out|restart)|released|shipped|(?:is )?now live|went live|deployment event|upgraded|rebalanced|digest|uptime|access review|scaled|autoscal\w*|maintenance|scheduled|planned|drill|report|renewed|test (?:alert|notification|page|message)|please ignore|ignore this|fyi|heartbeat|watchdog|for information|no action (?:needed|required))\b/],
  ["recovered", /(^\s*\[?(?:recovered|resolved|ok)\b|\b(recovered|resolved|back to normal|back under|no longer (?:firing|failing|crash\w*|alerting|in alarm|crossed|degraded)|cleared|restored|healthy again|is ok|state changed to ok)\b)/],
  ["mitigated", /\b(retries? (?:succeed\w*|work\w*)|retried successfully|no (?:customer|user|visible|downstream)? ?impact|customers? (?:are )?unaffected|internal only|internal tools?|admin (?:tools?|panel|ui|pages?)|staff (?:only|logins?|sign[- ]ins?)|(?:staff|employees) (?:cannot|can't|can not|unable)|still serving|serving traffic|old (?:replicas|pods|version) (?:still )?serving|fallback|fail-open|rollback (?:in progress|succeeded|done)|passed on (?:re-?run|retry)|will retry|0 failed|still (?:sent|delivered|print\w*|work\w*)|continue|catching up|self[- ]heal\w*)\b/],
  ["flaky", /\b(flaky|flak\w*|once|sporadic\w*|occasional\w*|transient)\b/],
  ["customers", /\b(customers?|users?|drivers?|shoppers?|clients|support tickets?|tickets|revenue|orders?)\b/],
  ["scope_all", /\b(all (?:regions|locations|zones|azs|depots|sites|pods|replicas|instances|nodes|brokers|customers|users)|every (?:region|location|depot|pod|replica|customer|user)|everyone|global\w*|everywhere|across (?:all|every))\b/],
  ["scope_one", /\b(one pod|single (?:pod|host|node|instance|replica|user|customer|driver|account|device)|a single|one (?:host|node|instance|replica|customer|user|depot|driver|account|device|site|shopper)|only (?:one|a few|some))\b/],
];

const RESOURCE = /\b(cpu|memory|heap|load|utili[sz]ation)\b/;

// Rubric levels as feature values: 0 critical … 4 info.
type Level = 0 | 1 | 2 | 3 | 4;
const grade = (value: number, edges: [number, Level][], otherwise: Level): Level => edges.find(([min]) => value >= min)?.[1] ?? otherwise;
// CPU, memory, heap: the storage steps one level lower at the top (a full CPU slows, a full disk stops).
const RESOURCE_STEPS: [number, Level][] = [[90, 1], [80, 2], [70, 3]];

/** Words just before a number tell what it measures. */
function around(text: string, index: number, length: number, before = 40, after = 30): string {
  return text.slice(Math.max(0, index - before), index + length + after);
}

/** Magnitudes found in the text, each graded on the rubric's thresholds for what it measures. */
export function magnitudes(text: string): [string, Level][] {
  const out: [string, Level][] = [];
  // Percentages, and ratios written as fractions ("in_use = 0.84", "5xx ratio 0.47").
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s?%|(?:=|ratio|in_use|usage|used)\s*(0?\.\d+)\b(?!\s?(?:ms|s|gb|gib|mb)\b)/g)) {
    const v = m[1] !== undefined ? Number(m[1]) : Number(m[2]) * 100;
    const ctx = around(text, m.index, m[0].length);
    // The word right after the number says which side it measures: "(83% used)" even next to "FreeStorageSpace".
    const side = /^\s*(?:of \w+ )?(used|full|in use|utili[sz]ed|free|left|available|remaining)\b/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 20))?.[1];
    const free = side ? /free|left|available|remaining/.test(side) : /\b(free|available|left|remaining)\b/.test(ctx);
    if (free && /\b(disk|volume|storage|space|filesystem|inode|pvc|persistentvolume)/.test(ctx)) {
      out.push(["disk", grade(100 - v, [[95, 0], [90, 1], [80, 2], [70, 3]], 4)]);
    } else if (/\b(disk|volume|storage|filesystem|inode|pvc|persistentvolume|full|\/var|\/data)/.test(ctx)) {
      out.push(["disk", grade(v, [[95, 0], [90, 1], [80, 2], [70, 3]], 4)]);
    } else if (/\b(success\w*|availability|crash-free|delivered|conversion|completion|uptime)\b/.test(ctx)) {
      out.push(["errors", grade(100 - v, [[25, 0], [5, 1], [1, 2]], 3)]);
    } else if (RESOURCE.test(ctx) && !/\b(error|fail)/.test(ctx)) {
      out.push(["resource", grade(v, RESOURCE_STEPS, 4)]);
    } else if (/\b(drop\w*|fell|fewer|below|down|lower|decreas\w*)\b/.test(ctx)) {
      out.push(["drop", grade(v, [[30, 0], [10, 1], [3, 2]], 3)]);
    } else if (/\b(error|fail|5xx|4xx|\d{3}s?\b|timeout|time out|reject|throttl|bounce|crash|exception|declin|denied|unavailable|not (?:sent|delivered|processed)|undelivered|wrong|incorrect)/.test(ctx)) {
      out.push(["errors", grade(v, [[25, 0], [5, 1], [1, 2]], 3)]);
    }
  }
  // CloudWatch-style utilisation without a % sign: "CPUUtilization 72.4 > 70".
  for (const m of text.matchAll(/\b(?:cpu|memory|disk|storage)\s?(?:utili[sz]ation|percent|used_percent)\s+(\d+(?:\.\d+)?)\b(?!\s?%)/g)) {
    out.push(/disk|storage/.test(m[0]) ? ["disk", grade(Number(m[1]), [[95, 0], [90, 1], [80, 2], [70, 3]], 4)] : ["resource", grade(Number(m[1]), RESOURCE_STEPS, 4)]);
  }
  // "1 in 8 requests"
  for (const m of text.matchAll(/\b1 (?:in|of every) (\d+)\b/g)) out.push(["errors", grade(100 / Number(m[1]), [[25, 0], [5, 1], [1, 2]], 3)]);
  // "0 of 6 pods ready", "3/3 locations failing", "11/12 replicas healthy"
  for (const m of text.matchAll(/\b(\d+) ?(?:of|\/) ?(\d+)\b(?:\s+\S+){0,2}?\s+(ready|healthy|available|up|running|serving|fail\w*|down|unhealthy|restarting|crash\w*|not ready)/g)) {
    const [k, n] = [Number(m[1]), Number(m[2])];
    if (n <= 0 || k > n) continue;
    const good = /ready|healthy|available|^up|running|serving/.test(m[3]) && m[3] !== "not ready";
    const badShare = good ? (n - k) / n : k / n;
    out.push(["replicas", badShare >= 0.99 ? 0 : badShare >= 0.3 ? 1 : badShare > 0.1 ? 2 : 3]);
  }
  // Certificates: "expires in 9 days", "27 days until expiry".
  for (const m of text.matchAll(/\b(?:expir\w*|valid for|renew\w*)\D{0,20}?(\d+)\s?(d|days?|h|hours?)\b|\b(\d+)\s?(d|days?|h|hours?)\b\D{0,15}(?:until|before|to|left)\D{0,10}expir/g)) {
    const n = Number(m[1] ?? m[3]);
    const days = /^h/.test(m[2] ?? m[4]) ? n / 24 : n;
    out.push(["expiry", grade(-days, [[0, 0], [-3, 1], [-14, 2], [-30, 3]], 4)]);
  }
  // Lag / staleness: "47 minutes behind", "lag 2843s", "ApproximateAgeOfOldestMessage 1860 (seconds)".
  // The rubric's minutes are for replication (a replica 15 min behind serves wrong data: critical);
  // other lag (queues, consumers, stale views) is degradation, one level lower on the same minutes; a
  // job or report that finished late is a late job (low).
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s?\(?(ms|s|sec\w*|m|min\w*|h|hours?)\b/g)) {
    const ctx = around(text, m.index, m[0].length, 40, 25);
    if (!/\b(behind|lag\w*|late|delay\w*|stale|oldest|age|old)\b/.test(ctx)) continue;
    const v = Number(m[1]);
    const unit = m[2];
    const secs = unit === "ms" ? v / 1000 : /^h/.test(unit) ? v * 3600 : unit === "m" || unit.startsWith("min") ? v * 60 : v;
    if (/\b(replica\w*|replication|standby|wal)\b/.test(ctx)) out.push(["lag", grade(secs, [[900, 0], [120, 1], [30, 2]], 3)]);
    else if (/\b(finished|completed|arrived|delivered|ran|started|done)\b[^.;\n]{0,30}\blate\b|\b(job|report|batch|cron|dag|run|export|nightly|build|deploy\w*)\b[^.;\n]{0,30}\b(late|delayed)\b/.test(ctx)) out.push(["late", 3]);
    else out.push(["lag", grade(secs, [[900, 1], [120, 2]], 3)]);
  }
  // A backlog that keeps growing, or has nobody consuming it, needs action now whatever its current size
  // (rubric: "lag or backlog growing fast" is high); one that is draining is not.
  const backlog = /\b(lag\w*|backlog\w*|queue\w*|depth|behind|messages?|msgs|age of oldest|unacked|dlq)\b/.test(text);
  if (backlog && !/\b(catching up|caught up|falling|draining|decreasing|shrinking)\b/.test(text)) {
    if (/\b(growing|rising|climbing|increasing|keeps? (?:growing|rising|climbing))\b|\+\s?\d+(?:\.\d+)?k?\s?(?:msgs?|messages?)?\s?\/\s?min/.test(text)) out.push(["growth", 1]);
    if (/\b(?:0|no|zero) (?:\w+ )?consumers\b|\b0 of \d+ consumers\b|\bconsumers? (?:scaled to|=|count) 0\b/.test(text)) out.push(["growth", 1]);
  }
  // Latency against its objective, only when the text compares them: "p99 3.8s (threshold 1s)",
  // "1.4s > 1s SLO", "900ms (SLO 800ms)", "620ms vs 500ms objective".
  const secs = (v: string, unit: string) => (unit === "ms" ? Number(v) / 1000 : Number(v));
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s?(ms|s)\b[^.;\n\d]{0,40}?(?:threshold|slo|objective|target|vs\.?|>|normally|normal|sla|limit|expected)\D{0,12}?(\d+(?:\.\d+)?)\s?(ms|s)\b/g)) {
    const limit = secs(m[3], m[4]);
    if (limit > 0) out.push(["latency", grade(secs(m[1], m[2]) / limit, [[10, 0], [3, 1], [1.01, 2]], 3)]);
  }
  // The same comparison written apart: "p99 latency > 1.5s" in the title, "reached 4.82s over the last
  // 10m" in the body; the worst measured latency against the one stated limit.
  const limit = out.some(([what]) => what === "latency") ? null : /(?:threshold|slo|objective|target|sla|limit|>)\s*(\d+(?:\.\d+)?)\s?(ms|s)\b/.exec(text);
  if (limit && secs(limit[1], limit[2]) > 0) {
    let worst = 0;
    for (const v of text.matchAll(/\b(?:p\d{2}|latency|took|reached|duration)\b[^.;\n]{0,25}?(\d+(?:\.\d+)?)\s?(ms|s)\b/g)) {
      if (v.index <= limit.index && limit.index < v.index + v[0].length) continue; // the limit itself
      worst = Math.max(worst, secs(v[1], v[2]));
    }
    if (worst > 0) out.push(["latency", grade(worst / secs(limit[1], limit[2]), [[10, 0], [3, 1], [1.01, 2]], 3)]);
  }
  return out;
}

// Not inside paths: "/dev/nvme0n1" is a device, not the dev environment.
const NON_PROD = /(?<![/\w])(staging|stage|stg|preprod|pre-prod|dev|development|qa|uat|sandbox|load test)\b|\benv:(?:dev|stg|staging|qa)\b/;
const PROD = /(?<![/\w])(prod|prd|production)\b/;

/** production / nonprod / unknown, from the platform's environment label first, else the text. */
export function environmentOf(alert: AlertText, text: string): "production" | "nonprod" | "unknown" {
  for (const [k, v] of Object.entries(alert.labels ?? {})) {
    if (typeof v !== "string" || !/^(env|environment|stage|deployment[._]environment)$/i.test(k)) continue;
    const env = normalizeEnvironment(v);
    if (env) return env === "production" ? "production" : "nonprod";
  }
  const nonProd = NON_PROD.test(text);
  if (nonProd && !PROD.test(text)) return "nonprod";
  return PROD.test(text) ? "production" : "unknown";
}

const LEVEL_NAMES = ["critical", "high", "medium", "low", "info"];

/** Title and message as the cues read them: camelCase split, lower case, thousands separators dropped. */
export function signalText(alert: AlertText): string {
  // Metric names in bodies too: "ApproximateAgeOfOldestMessage 1860" reads as "age of oldest message".
  return `${alert.title}\n${alert.message}`.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().replace(/(\d),(\d{3})/g, "$1$2");
}

/** Names of the impact/scope cues whose wording appears in a signal text (signalText). */
export function severityCues(text: string): string[] {
  return CUES.filter(([, re]) => re.test(text)).map(([name]) => name);
}

/** Emits the severity cues of an alert, alone and crossed with environment and catalog tier. */
export function severitySignals(alert: AlertText, tier: number | undefined, emit: (feature: string, weight: number) => void): void {
  const text = signalText(alert);
  const env = environmentOf(alert, text);
  const t = tier === undefined ? "t?" : `t${Math.min(tier, 3)}`;
  emit(`env:${env}`, 1);
  const cues = severityCues(text);
  for (const c of cues) {
    emit(`cue:${c}`, 1);
    emit(`cue:${c}:${env}`, 0.7);
    emit(`cue:${c}:${t}`, 0.5);
  }
  emit(`cues:${cues.filter((c) => c !== "customers").slice(0, 3).join("+") || "none"}`, 0.5);
  const mags = magnitudes(text);
  // The rubric names these critical outright (connections exhausted, certificate expired): graded like a
  // magnitude so they share the learned weight of every other critical reading.
  for (const c of ["exhausted", "expired"]) if (cues.includes(c)) mags.push([c, 0]);
  let worst: Level | undefined;
  for (const [what, level] of mags) {
    emit(`mag:${what}:${LEVEL_NAMES[level]}`, 1.5);
    if (worst === undefined || level < worst) worst = level;
  }
  const w = worst === undefined ? "none" : LEVEL_NAMES[worst];
  emit(`mag:worst:${w}`, 1.5);
  emit(`mag:worst:${w}:${env}`, 0.7);
  emit(`mag:worst:${w}:${t}`, 0.5);
  if (cues.includes("mitigated")) emit(`mag:worst:${w}:mitigated`, 0.7);
  if (cues.includes("scope_one")) emit(`mag:worst:${w}:scope_one`, 0.7);
}
