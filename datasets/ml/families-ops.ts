import type { Severity } from "@/lib/severity";
import { byTier, chance, graded, int, type Make, pick, shift, type Scenario } from "./generator-kit";

/**
 * More alert families for the training set, shaped after how the platforms and people actually word them
 * (kube-prometheus rule names and descriptions, CloudWatch metric alarms, Datadog synthetics, Sentry issue
 * digests, chat-style human reports, chores and reports that need no action), plus the rubric's
 * modifiers: scope, mitigation and environment. Labels follow datasets/ml/README.md.
 */

const ERRORS: [number, Severity][] = [[25, "critical"], [5, "high"], [1, "medium"]];

const hpaMaxed: Make = (s, t, c) => {
  const max = pick([6, 10, 20, 40, 60]);
  const mins = pick([15, 30, 90]);
  const saturated = chance(0.3);
  const title = pick(["KubeHpaMaxedOut", `${t} autoscaler pinned at max replicas`, `HPA ${c.namespace}/${s.name} at maxReplicas`]);
  const message = `HPA ${c.namespace}/${s.name} has been running at max replicas (${max}) for ${mins} minutes.${saturated ? ` CPU still at ${int(92, 99)}% and p99 latency rising.` : ""}`;
  return { severity: byTier(saturated ? "high" : s.tier === 1 ? "medium" : "low", s.tier), rule: "HpaMaxedOut", title, message, entities: { namespace: [c.namespace] } };
};

const pvcFilling: Make = (s, t, c) => {
  const free = pick([1.2, 3, 4.5, 8, 12, 18, 25]);
  const predicted = chance(0.3);
  const claim = `data-${s.name}-${int(0, 3)}`;
  const title = pick(["KubePersistentVolumeFillingUp", `PVC ${claim} almost full`, `${t} volume running out of space`]);
  const message = predicted
    ? `Based on recent sampling, the PersistentVolume claimed by ${claim} in Namespace ${c.namespace} is expected to fill up within ${pick([2, 4])} days. Currently ${100 - free > 60 ? Math.round(free + 30) : 45}% is available.`
    : `The PersistentVolume claimed by ${claim} in Namespace ${c.namespace} is only ${free}% free.`;
  const sev = predicted ? "low" : graded(100 - free, [[95, "critical"], [90, "high"], [80, "medium"]], "low");
  return { severity: byTier(sev, s.tier), rule: "PvcFilling", title, message, entities: { namespace: [c.namespace] } };
};

const kubeJob: Make = (s, t, c) => {
  const runs = pick([1, 1, 2, 3, 5]);
  const job = `${s.name.split("-")[0]}-${pick(["cleanup", "sync", "reconcile", "export", "compaction"])}`;
  const title = pick(["KubeJobFailed", "KubeCronJobFailed", `CronJob ${job} failed`, `${t}: scheduled job failing`]);
  const message = runs === 1 ? `Job ${c.namespace}/${job}-${int(28000000, 29000000)} failed to complete.` : `CronJob ${c.namespace}/${job} failed ${runs} runs in a row (${pick(["exit code 1", "BackoffLimitExceeded", "DeadlineExceeded"])}).`;
  return { severity: byTier(runs >= 3 ? "medium" : "low", s.tier), rule: "JobFailed", title, message, entities: { namespace: [c.namespace] } };
};

const synthetic: Make = (s, t) => {
  const total = pick([3, 5, 6, 8]);
  const failed = pick([1, Math.ceil(total / 2), total, total]);
  const flow = pick(["login", "place order", "track parcel", "health", "checkout", "API smoke"]);
  const title = pick([`[Triggered] Synthetic test '${flow}' on ${t}`, `Browser test failing: ${flow} (${t})`, `Uptime: ${t} ${flow} check failed`]);
  const message = `${failed}/${total} locations failing at step '${pick(["Open page", "Submit", "Assert 200", "Wait for confirmation"])}' (${pick(["timeout after 30s", "HTTP 503", "element not found", "connection reset"])}).${failed === 1 ? " Other locations pass." : ""}`;
  const sev: Severity = failed === total ? (s.tier <= 2 ? "critical" : "high") : failed > 1 ? "high" : "low";
  return { severity: byTier(sev, s.tier), rule: "Synthetic", title, message, entities: /HTTP 503/.test(message) ? { httpStatus: ["503"] } : ({} as Record<string, string[]>) };
};

const EXCEPTIONS = [
  ["TimeoutError", "Request timed out after 30000ms"],
  ["ConnectionError", "Connection refused"],
  ["ValueError", "invalid literal for int() with base 10"],
  ["TypeError", "Cannot read properties of undefined (reading 'id')"],
  ["KeyError", "'parcel_id'"],
  ["NullPointerException", "null"],
  ["OperationalError", "server closed the connection unexpectedly"],
  ["IntegrityError", "duplicate key value violates unique constraint"],
  ["HTTPError", "502 Bad Gateway"],
  ["ValidationError", "field required"],
] as const;

// What people add to an issue digest about its effect; the effect, not the event count, decides the
// level when it is stated (rubric: flow stopped → critical, share failing graded on the error steps,
// retried or cosmetic → low; tier 3 one lower as everywhere). The argument is the flow that fails.
const NOUNS = ["requests", "orders", "logins", "payments", "scans", "assignments", "label prints", "deliveries", "quotes", "uploads"];
const SENTRY_IMPACT: [(n: string) => string, Severity][] = [
  [(n) => `all ${n} fail since the deploy`, "critical"],
  [(n) => `no ${n} go through at all`, "critical"],
  [(n) => `${n} failing for everyone on the new version`, "critical"],
  [(n) => `1 in ${pick([3, 4])} ${n} fails`, "critical"],
  [(n) => `1 in ${pick([8, 10, 15])} ${n} fails`, "high"],
  [(n) => `about ${pick([6, 9, 15])}% of ${n} fail`, "high"],
  [(n) => `${pick([1.5, 2, 3])}% of ${n} fail, the rest go through`, "medium"],
  [(n) => `${n} slow for some users, no failures`, "medium"],
  [(n) => `${n} fall back to a default path`, "medium"],
  [() => `fails once, works on retry`, "low"],
  [() => `cosmetic: wrong label shown, nothing fails`, "low"],
  [() => `warning in the logs only, no user-facing error`, "low"],
  [() => `one account affected, support is in touch`, "low"],
];

const sentryIssue: Make = (s, t) => {
  const [exc, text] = pick(EXCEPTIONS);
  const users = pick([0, 2, 14, 60, 240, 900, 3000]);
  const events = users * int(2, 6) + int(1, 50);
  const handled = chance(0.25);
  const title = chance(0.7) ? `${exc}: ${text}` : `${exc} in ${pick(["handlers", "worker", "views", "jobs"])}.${pick(["process", "create", "sync", "charge"])}`;
  const impact = chance(0.5) ? pick(SENTRY_IMPACT) : undefined;
  const effect = impact ? impact[0](pick(NOUNS)) : undefined;
  const message = `${t} · ${events} events · ${users} users · ${effect ?? pick(["first seen 8m ago", "since release " + `${int(1, 9)}.${int(0, 30)}.${int(0, 9)}`, "regression", "new issue"])}${handled ? " · handled, retried by the client" : ""}`;
  const base: Severity = users >= 1000 ? "high" : users >= 100 ? "medium" : "low";
  const severity = byTier(impact ? impact[1] : handled ? (shift(base, 1) === "info" ? "low" : shift(base, 1)) : base, s.tier);
  return { severity, rule: "SentryIssue", title, message, entities: /502/.test(text) ? { httpStatus: ["502"] } : ({} as Record<string, string[]>), verbatim: true };
};

const deliveryRate: Make = (s, t) => {
  const what = pick(["hard bounce rate", "SMS delivery failures", "push delivery failures", "undelivered webhooks", "rejected messages"]);
  const pct = pick([0.5, 2, 4, 9, 16, 35, 70]);
  const title = pick([`${t} ${what} ${pct}%`, `Elevated ${what} (${t})`, `[Triggered] ${what} above threshold on ${t}`]);
  const message = `${what} at ${pct}% over the last hour (normally under 1%).${pct >= 5 ? ` Provider reports ${pick(["reputation drop", "carrier filtering", "certificate problem"])}.` : ""}`;
  return { severity: byTier(graded(pct, ERRORS, "low"), s.tier), rule: "DeliveryFailures", title, message, entities: {} };
};

const awsAlarm: Make = (s, t, c) => {
  const kind = pick(["storage", "sqs", "throttles", "unhealthy", "elb5xx"]);
  const name = `${s.name}-${pick(["prod", "p", "main"])}`;
  let title = "";
  let message = "";
  let sev: Severity = "medium";
  if (kind === "storage") {
    const size = pick([100, 250, 500]);
    const leftPct = pick([1, 3, 6, 12, 18, 27]);
    title = `${name}-FreeStorageSpace`;
    message = `Threshold Crossed: FreeStorageSpace ${((size * leftPct) / 100).toFixed(1)} GiB < ${(size * 0.2).toFixed(0)} GiB (${leftPct}% of ${size} GiB left).`;
    sev = graded(100 - leftPct, [[95, "critical"], [90, "high"], [80, "medium"]], "low");
  } else if (kind === "sqs") {
    const age = pick([90, 400, 1500, 5000]);
    title = `${name}-ApproximateAgeOfOldestMessage`;
    message = `Threshold Crossed: ApproximateAgeOfOldestMessage ${age} (seconds) > 60 for 3 datapoints.`;
    // Queue age is lag, not replication: the rubric's replication minutes one level lower.
    sev = graded(age, [[900, "high"], [120, "medium"]], "low");
  } else if (kind === "throttles") {
    const pct = pick([0.5, 3, 12, 40]);
    title = `${name}-Lambda-Throttles`;
    message = `Threshold Crossed: Throttles ${int(50, 9000)} (Sum) > 10; ${pct}% of invocations throttled.`;
    sev = graded(pct, ERRORS, "low");
  } else if (kind === "unhealthy") {
    const n = pick([3, 4, 6, 9]);
    const bad = pick([1, Math.ceil(n / 2), n]);
    title = `${name}-UnHealthyHostCount`;
    message = `Threshold Crossed: UnHealthyHostCount ${bad} > 0; ${n - bad}/${n} targets healthy in target group ${s.name}-tg.`;
    sev = bad === n ? "critical" : bad > 1 ? "high" : "medium";
  } else {
    const pct = pick([0.4, 2, 8, 30, 90]);
    title = `${name}-HTTPCode_Target_5XX_Count`;
    message = `Threshold Crossed: HTTPCode_Target_5XX_Count ${int(100, 40000)} > 100 (${pct}% of requests).`;
    sev = graded(pct, ERRORS, "low");
  }
  return { severity: byTier(sev, s.tier), rule: "AwsAlarm", title, message: `ALARM: "${title}" in ${c.region}. ${message}`, entities: {}, verbatim: true };
};

/** People reporting in chat or a manual incident: short, lower-case, few numbers. */
const HUMAN: [Severity, string[]][] = [
  ["critical", ["{t} is completely down for everyone", "nobody can {act} right now, {t} returning errors", "{t} outage, all requests failing", "{t} dead in prod, customers can't {act}", "major: {t} lost data for today's {noun}"]],
  ["high", ["lots of {t} timeouts, maybe a third of requests", "{t} failing for a big chunk of users since the deploy", "{t} half the pods crashing, rest are struggling", "{t} seriously degraded, {noun} backing up fast"]],
  ["medium", ["{t} slower than usual, pages take several seconds", "some {noun} failing on {t}, retries mostly work", "{t} queue building up slowly", "{t} throwing a few 500s, small percentage"]],
  ["low", ["one user reported a glitch in {t}, can't reproduce", "minor: typo-level bug in {t} response", "{t} log noise increased, nothing user facing", "flaky {t} check again, passes on rerun", "{t} warnings in the logs after upgrade"]],
  ["info", ["fyi {t} deploy done", "heads up: restarting {t} at 14:00, no impact expected", "{t} migration finished fine", "just testing the {t} alert route, ignore"]],
];

const humanReport: Make = (s, t) => {
  const [sev, phrases] = pick(HUMAN);
  const fill = (p: string) => p.replace("{t}", t).replace("{act}", pick(["pay", "log in", "check out", "track parcels", "scan"])).replace("{noun}", pick(["orders", "scans", "notifications", "payments", "routes"]));
  const title = fill(pick(phrases));
  return { severity: sev === "info" ? "info" : byTier(sev, s.tier), rule: "HumanReport", title, message: chance(0.3) ? fill(pick(phrases)) : "", entities: {}, verbatim: true };
};

const chores: Make = (s, t) => {
  const title = pick([
    `Monthly SLO report: ${t} ${pick(["99.95", "99.99", "99.8"])}% (objective 99.9%)`,
    `Cost report: ${t} spent $${int(50, 900)} yesterday`,
    `Failover test completed for ${t}: switched and back, no errors`,
    `Certificate for ${s.name}.parcelwise.com renewed, valid for ${pick([60, 90])} days`,
    `Rollout started: ${t} v${int(1, 9)}.${int(0, 40)}.0`,
    `${t} rolling restart tonight ${pick(["22:00", "01:00"])} UTC (planned)`,
    `${t} scaled down to ${int(2, 5)} replicas (off-peak)`,
    `Security patches applied to ${t} hosts; all rebooted successfully`,
    `Issue resolved in release ${s.name}@${int(1, 9)}.${int(0, 30)}.${int(0, 9)}`,
    `Critical path review scheduled for ${t}`,
    `Outage drill for ${t} finished as planned`,
    `${t} snapshot completed (${int(20, 900)} GB)`,
    `Released ${t} ${int(1, 12)}.${int(0, 30)}.0 to production, checks green`,
    `Shipped ${t} ${int(1, 12)}.${int(0, 30)}.${int(0, 9)}`,
    `${t}@${int(1, 12)}.${int(0, 30)}.0 is now live`,
    `[Triggered] Deployment event: ${t} v${int(1, 9)}.${int(0, 40)}.0`,
    `Event: ${t} autoscaling group grew to ${int(4, 20)} instances`,
    `${t} upgraded to ${int(5, 17)}.${int(0, 9)} on all nodes`,
    `Incident resolved: ${t} ${pick(["errors", "latency", "outage"])}; postmortem scheduled`,
    `Daily digest: ${t} healthy, ${int(0, 3)} warnings`,
  ]);
  return { severity: "info", rule: "Chore", title, message: pick(["", "", "No action required.", "FYI."]), entities: {} };
};

const hygiene: Make = (s, t) => {
  const title = pick([
    `DeprecationWarning in ${t}: ${pick(["utcnow() is deprecated", "API v1 will be removed", "legacy client in use"])}`,
    `${t}: slow query log growing (${int(5, 40)} queries > 1s per hour)`,
    `Unused index on ${t} table ${pick(["parcels", "events", "charges"])}`,
    `${t} image has ${int(1, 4)} outdated base packages`,
    `${t} log volume up ${int(20, 60)}% week over week`,
  ]);
  return { severity: "low", rule: "Hygiene", title, message: pick(["", "No errors, no user impact.", "Cleanup ticket suggested."]), entities: {} };
};

const podRestart: Make = (s, t, c) => {
  const n = pick([6, 8, 12, 20]);
  const reason = pick(["OOMKilled", "Error", "liveness probe failed"]);
  const title = pick(["KubePodCrashLooping", `${t} pod restarted`, `Pod ${c.pod} restarting`]);
  const message = `Pod ${c.namespace}/${c.pod} restarted ${int(1, 3)} times in the last hour (${reason}); ${n - 1}/${n} replicas healthy.`;
  return { severity: "low", rule: "PodRestart", title, message, entities: { pod: [c.pod], namespace: [c.namespace], ...(reason === "OOMKilled" ? { errorCode: ["OOMKilled"] } : {}) } };
};

const noConsumers: Make = (s, t) => {
  const q = `${s.name.split("-")[0]}.${pick(["outbound", "events", "jobs"])}`;
  const ready = pick([800, 12000, 90000]);
  const title = pick([`Queue ${q} has no consumers`, `${t}: 0 consumers on ${q}`, `RabbitmqNoConsumers ${q}`]);
  const message = `messages_ready ${ready}, consumers 0 for ${int(5, 40)} min`;
  return { severity: byTier("high", s.tier), rule: "NoConsumers", title, message, entities: { queue: [q] } };
};

const staleData: Make = (s, t) => {
  const mins = pick([3, 12, 40, 180]);
  const what = pick(["search index", "tracking status", "inventory counts", "dashboard data", "ETA estimates"]);
  const title = pick([`${t} ${what} stale`, `${what} ${mins} minutes behind (${t})`, `Freshness SLO breached: ${t}`]);
  const message = `newest ${what} in ${t} are ${mins} minutes old (objective 2 minutes)`;
  // Stale views are degradation (the data is old, not wrong): replication minutes one level lower.
  return { severity: byTier(graded(mins * 60, [[900, "high"], [120, "medium"]], "low"), s.tier), rule: "StaleData", title, message, entities: {} };
};

/** A business flow that stopped: throughput at zero, money or data wrong at scale. Critical for tier 1-2. */
const businessStop: Make = (s, t) => {
  const noun = pick(["orders", "scans", "assignments", "messages", "payments", "label prints", "route plans", "sign-ins"]);
  const normal = pick([120, 400, 900, 2500]);
  const mins = pick([5, 10, 20, 45]);
  const title = pick([`${t}: ${noun} stalled`, `No ${noun} from ${t} for ${mins} min`, `${t} stopped processing ${noun}`, `${noun} throughput zero (${t})`, `${t} halted`]);
  const message = pick([
    `${t} processed 0 ${noun} in the last ${mins} minutes (normally ${normal}/min).`,
    `throughput 0/min vs ${normal}/min expected; backlog ${normal * mins}`,
    `${noun} count flat at zero since ${int(6, 22)}:${pick(["00", "15", "40"])}; consumers idle`,
    `two instances both act as leader; ${noun} written twice since ${int(6, 22)}:${pick(["05", "30"])}`,
    `reconciliation shows an imbalance of EUR ${int(2, 90)}k across ${int(100, 5000)} ${noun}`,
  ]);
  return { severity: byTier(s.tier <= 2 ? "critical" : "high", s.tier), rule: "BusinessStop", title, message, entities: {} };
};

/** Small, contained problems that still want a look (low), worded many ways so they are not read as notices. */
const minorProblem: Make = (s, t, c) => {
  const title = pick([
    `${t}: container waiting for ${int(20, 90)} min (ImagePullBackOff on one replica)`,
    `${pick(["UnicodeDecodeError", "AttributeError", "KeyError"])} in ${t} for ${int(1, 9)} users`,
    `${t} report delivered ${int(20, 70)} min late`,
    `${t} at capacity, jobs queue a few minutes`,
    `${t} restarted once on ${c.host}, recovered by itself`,
    `${t} warning threshold crossed (${int(70, 79)}% disk)`,
    `${t}: ${int(1, 3)} of ${int(12, 40)} nodes slightly behind on updates`,
    `one user reports ${t} ${pick(["logged them out", "showed an old status", "was slow"])}`,
  ]);
  return { severity: "low", rule: "MinorProblem", title, message: pick(["", "", "Nothing else affected.", "Could not reproduce.", "Worth a ticket."]), entities: {}, verbatim: true };
};

export const OPS_FAMILIES: Make[] = [businessStop, minorProblem, hpaMaxed, synthetic, sentryIssue, sentryIssue, deliveryRate, awsAlarm, awsAlarm, humanReport, humanReport, humanReport, chores, chores, hygiene, podRestart, staleData, kubeJob];
export const INFRA_FAMILIES: Make[] = [businessStop, minorProblem, pvcFilling, pvcFilling, kubeJob, awsAlarm, noConsumers, podRestart, chores, humanReport, hygiene];

const SCOPE_ALL = ["Affects all regions.", "Seen from every location.", "All customers affected.", "Global: every AZ.", "across all depots"];
const SCOPE_ONE = ["Only one pod affected; other replicas healthy.", "Single host, the rest of the fleet is fine.", "Limited to one depot.", "just 1 of 12 instances", "one customer account only"];
const MITIGATED = ["No customer impact.", "Retries succeed; nothing visible to users.", "Fallback in place, customers unaffected.", "Old version still serving traffic.", "Internal only."];

/** Scope and mitigation words move the level one step (never to info); the words go into the message. */
export function modifyImpact(sc: Scenario, tier: number): void {
  if (sc.severity === "info" || !chance(0.25)) return;
  const r = pick([0, 1, 2]);
  if (r === 0 && tier <= 2 && sc.severity !== "low") {
    sc.message = `${sc.message} ${pick(SCOPE_ALL)}`.trim();
    sc.severity = shift(sc.severity, -1);
  } else if (r === 1) {
    sc.message = `${sc.message} ${pick(SCOPE_ONE)}`.trim();
    if (sc.severity !== "low") sc.severity = shift(sc.severity, 1);
  } else {
    sc.message = `${sc.message} ${pick(MITIGATED)}`.trim();
    if (sc.severity !== "low") sc.severity = shift(sc.severity, 1);
  }
}

/** Rubric: outside production never above medium; a whole environment broken → medium, anything less → low. */
export function capNonProduction(severity: Severity): Severity {
  if (severity === "info") return "info";
  return severity === "critical" ? "medium" : "low";
}
