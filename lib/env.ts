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
