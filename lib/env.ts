import { z } from "zod";

/**
 * The one place that reads process.env. Every setting is validated here so that a wrong value fails
 * at start-up with a message naming the variable, not deep inside a request.
 */

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
  .pipe(z.url({ message: "must be a URL, e.g. https://example.com" }).optional());

const int = (fallback: number, min = 0) =>
  z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(min).default(fallback);

/** Comma-separated list → string[] (empty entries dropped). */
const list = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []));

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),

  // Database: unset → embedded PostgreSQL (PGlite + pgvector) with its data under OPSRELAY_DATA_DIR.
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgresql:// (or leave it unset for the embedded database)")
      .optional(),
  ),
  OPSRELAY_DATA_DIR: z.string().default(".data"),
  /** Public URL of the dashboard, used in Slack links. */
  APP_URL: z.url({ message: "must be a URL, e.g. http://localhost:3000" }).default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),

  // Durable pipeline: Inngest when configured, the in-process runner otherwise.
  INNGEST_DEV: optionalString,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_BASE_URL: optionalUrl,

  // Webhook authentication, per source. A source without a secret is rejected unless
  // OPSRELAY_INSECURE_WEBHOOKS is set (development only).
  OPSRELAY_INSECURE_WEBHOOKS: bool,
  WEBHOOK_MAX_BODY_BYTES: int(1_048_576, 1024),
  DATADOG_WEBHOOK_TOKEN: optionalString,
  SENTRY_CLIENT_SECRET: optionalString,
  ALERTMANAGER_WEBHOOK_TOKEN: optionalString,
  GRAFANA_WEBHOOK_SECRET: optionalString,
  GRAFANA_WEBHOOK_TOKEN: optionalString,
  GRAFANA_SIGNATURE_HEADER: z.string().default("X-Grafana-Alerting-Signature"),
  GRAFANA_TIMESTAMP_HEADER: optionalString,
  /** SNS topic ARNs accepted for CloudWatch alarms; empty → any topic (signature still verified). */
  CLOUDWATCH_SNS_TOPIC_ARNS: list,
  /** Verify SNS message signatures (leave on outside tests). */
  CLOUDWATCH_SNS_VERIFY: z
    .enum(["1", "0", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
  /** Several secrets allowed during PagerDuty secret rotation (comma-separated). */
  PAGERDUTY_WEBHOOK_SECRETS: list,
  GENERIC_WEBHOOK_TOKEN: optionalString,
  WEBHOOK_REPLAY_WINDOW_SECONDS: int(300, 1),

  // ML providers: the offline defaults need nothing; hosted ones are chosen here.
  CLASSIFIER_PROVIDER: z.enum(["local", "huggingface"]).default("local"),
  ENTITY_PROVIDER: z.enum(["local", "huggingface"]).default("local"),
  EMBEDDING_PROVIDER: z.enum(["auto", "offline", "transformers", "huggingface"]).default("auto"),
  SUMMARIZER_PROVIDER: z.enum(["auto", "anthropic", "offline"]).default("auto"),
  SERVICE_CATALOG_PATH: z.string().default("datasets/catalog/services.json"),
  /** Folder holding all-MiniLM-L6-v2 files for transformers.js (no download needed when present). */
  TRANSFORMERS_MODEL_DIR: optionalString,
  TRANSFORMERS_ALLOW_REMOTE: bool,
  HF_TOKEN: optionalString,
  HF_ENDPOINT_URL: optionalUrl,
  HF_CLASSIFIER_MODEL: z.string().default("facebook/bart-large-mnli"),
  HF_NER_MODEL: z.string().default("dslim/bert-base-NER"),
  HF_EMBEDDING_MODEL: z.string().default("sentence-transformers/all-MiniLM-L6-v2"),
  HF_TIMEOUT_MS: int(10_000, 100),

  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalUrl,
  ANTHROPIC_MODEL: z.string().default("claude-sonnet-4-5"),
  ANTHROPIC_MAX_TOKENS: int(800, 16),
  ANTHROPIC_TIMEOUT_MS: int(30_000, 100),
  ANTHROPIC_MAX_RETRIES: int(2, 0),

  // Notifications
  SLACK_WEBHOOK_URL: optionalUrl,

  // Incident grouping and lifecycle (lib/triage/group*.ts, lib/incidents)
  /** An alert may join an open incident only if a member alert fired within this many minutes of it. */
  GROUPING_WINDOW_MINUTES: int(30, 1),
  /** Score (0..1) an alert needs against an incident to join it; below it a new incident opens. */
  GROUPING_JOIN_THRESHOLD: z.coerce
    .number({ message: "must be a number between 0 and 1" })
    .min(0, "must be between 0 and 1")
    .max(1, "must be between 0 and 1")
    .default(0.55),
  /** Service dependencies (catalog dependsOn) count as a grouping signal only within this many minutes. */
  GROUPING_CASCADE_MINUTES: int(10, 0),
  /** Noise control: matching alerts needed before an incident opens (1 = open at once). */
  GROUPING_MIN_ALERTS: int(1, 1),
  /** Per-service or per-source overrides of GROUPING_MIN_ALERTS: "service:ci-runners=3,source:grafana=2". */
  GROUPING_MIN_ALERTS_OVERRIDES: list.pipe(
    z.array(
      z.string().regex(/^(service|source):[^=\s]+=[1-9][0-9]*$/, 'each entry must look like "service:<name>=<N>" or "source:<name>=<N>"'),
    ),
  ),
  /** Alerts waiting for the GROUPING_MIN_ALERTS threshold count only if they fired within this window. */
  GROUPING_WAIT_WINDOW_MINUTES: int(15, 1),
  /** Resolve an incident automatically once every alert in it has resolved (default on). */
  INCIDENT_AUTO_RESOLVE: z
    .enum(["1", "0", "true", "false", "yes", "no", ""])
    .optional()
    .transform((v) => v === undefined || v === "" || v === "1" || v === "true" || v === "yes"),
  /** An alert re-firing this many minutes or less after its incident resolved reopens it; later, a new incident opens. */
  INCIDENT_REOPEN_WINDOW_MINUTES: int(60, 0),
  /** Firing alerts silent (no repeat) for this many minutes are resolved by the lifecycle sweep; 0 = never. */
  ALERT_SILENCE_RESOLVE_MINUTES: int(240, 0),

  // Heartbeats (lib/heartbeats): always-firing alerts that prove the alerting path works
  /** Alert names (Alertmanager `alertname` or the title) that are heartbeats, compared case-insensitively. */
  HEARTBEAT_ALERT_NAMES: z
    .string()
    .optional()
    .transform((v) => (v ?? "Watchdog,DeadMansSwitch,DeadMansSnitch").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean)),
  /** A heartbeat is missing after 3 × its observed repeat interval, and never sooner than this. */
  HEARTBEAT_MISSING_MINUTES: int(10, 1),
  /** Repeat interval assumed until a heartbeat has repeated once (Alertmanager's default repeat_interval is 4 h). */
  HEARTBEAT_DEFAULT_INTERVAL_MINUTES: int(240, 1),

  // Triage pipeline (lib/pipeline, inngest/functions)
  /** In-process runner: alerts triaged at once (a storm queues instead of melting the server). */
  PIPELINE_CONCURRENCY: int(4, 1),
  /** Attempts per pipeline step before an ML step falls back to rules (or the alert is marked failed). */
  PIPELINE_MAX_ATTEMPTS: int(3, 1),
  /** In-process runner: first retry delay; doubles per attempt (with jitter). */
  PIPELINE_RETRY_BASE_MS: int(500, 0),
  /** An ML provider call (classify, entities, embed, summary) taking longer fails the attempt, so a hung provider cannot stall triage. */
  PIPELINE_STEP_TIMEOUT_SECONDS: int(60, 1),
  /** Alerts pending or processing longer than this are re-queued by the recovery sweep. */
  PIPELINE_STUCK_MINUTES: int(10, 1),
  /** In-process runner: how often the recovery / auto-resolve sweep runs. */
  PIPELINE_SWEEP_INTERVAL_SECONDS: int(60, 1),
  /** Per-source overrides of ALERT_SILENCE_RESOLVE_MINUTES: "sentry=1440,cloudwatch=60" (0 = never). */
  ALERT_SILENCE_RESOLVE_OVERRIDES: list.pipe(
    z.array(z.string().regex(/^[a-z][a-z0-9_-]*=[0-9]+$/, 'each entry must look like "<source>=<minutes>"')),
  ),
  /** Incident summaries are rewritten at most once per this many seconds per incident (debounce). */
  SUMMARY_DEBOUNCE_SECONDS: int(30, 0),
  /** Slack: repeat notifications for one incident within this many minutes are delayed (critical escalations are not). */
  SLACK_QUIET_PERIOD_MINUTES: int(10, 0),
  SLACK_TIMEOUT_MS: int(5_000, 100),
});

export type Env = z.infer<typeof envSchema>;

/** Turns zod issues into one readable message naming each bad variable. */
export function formatEnvError(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  return `Invalid configuration:\n${lines.join("\n")}`;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new Error(formatEnvError(result.error));
  return result.data;
}

let cached: Env | undefined;

/** Validated settings, parsed once. Call resetEnv() after changing process.env (tests, launchers). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function resetEnv(): void {
  cached = undefined;
}

/** Secrets are never logged: this lists which are set, never their values. */
export function describeConfiguredSecrets(e: Env = env()): string[] {
  const secretKeys = [
    "DATADOG_WEBHOOK_TOKEN",
    "SENTRY_CLIENT_SECRET",
    "ALERTMANAGER_WEBHOOK_TOKEN",
    "GRAFANA_WEBHOOK_SECRET",
    "GRAFANA_WEBHOOK_TOKEN",
    "GENERIC_WEBHOOK_TOKEN",
    "INNGEST_EVENT_KEY",
    "INNGEST_SIGNING_KEY",
    "HF_TOKEN",
    "ANTHROPIC_API_KEY",
    "SLACK_WEBHOOK_URL",
  ] as const;
  const set: string[] = secretKeys.filter((k) => e[k] !== undefined);
  if (e.PAGERDUTY_WEBHOOK_SECRETS.length > 0) set.push("PAGERDUTY_WEBHOOK_SECRETS");
  return set;
}
