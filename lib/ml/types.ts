import type { Severity } from "@/lib/severity";

/**
 * One small interface per ML capability. Every result says which provider and model produced it and
 * how confident it is, so the dashboard can show it and degraded results are visible.
 */

export interface Provenance {
  /** "local", "rules", "huggingface", "anthropic", "transformers", "offline", "fallback"... */
  provider: string;
  /** Model name/version, e.g. "opsrelay-logreg-2026-11", "claude-sonnet-4-5". */
  model: string;
}

export interface Prediction<T> extends Provenance {
  value: T;
  /** 0..1 */
  confidence: number;
  /** Set when the configured hosted provider failed and this came from the offline fallback. */
  degradedFrom?: string;
  /** Why the hosted provider failed (secret-free: "HTTP 429", "timeout"...). */
  degradedReason?: string;
}

/** What classifiers and extractors read: the alert as text plus its structured fields. */
export interface AlertText {
  source: string;
  title: string;
  message: string;
  labels: Record<string, string>;
  /** The platform's explicit severity (already normalized), when it stated one. */
  sourceSeverity?: Severity;
}

export interface Classification {
  severity: Prediction<Severity>;
  /** Team id from the service catalog. */
  team: Prediction<string>;
}

export interface Classifier {
  readonly name: string;
  classify(alert: AlertText): Promise<Classification>;
}

export interface Entities {
  service?: string;
  environment?: string;
  region?: string;
  errorCode?: string;
  host?: string;
  namespace?: string;
  pod?: string;
  /** Every entity found, by type, including those above and more (cluster, url, ip, database...). */
  all: Record<string, string[]>;
}

export interface EntityResult extends Entities, Provenance {
  /** Where each entity type came from first: "label" (structured field), "text" (patterns/gazetteer), "ner". */
  origins?: Record<string, string>;
  /** Confidence (0..1) of each entity type's first value: labels 0.95, patterns 0.85, gazetteer by match quality, NER by its score. */
  confidences?: Record<string, number>;
  degradedFrom?: string;
  degradedReason?: string;
}

export interface EntityExtractor {
  readonly name: string;
  extract(alert: AlertText): Promise<EntityResult>;
}

export interface Embedder {
  /** Stored beside each vector; vectors of different models are never compared. */
  readonly model: string;
  readonly dimensions: 384;
  embed(texts: string[]): Promise<number[][]>;
}

export interface SummaryInput {
  incident: {
    number: number;
    title: string;
    status: string;
    severity: Severity;
    affectedServices: string[];
    environments: string[];
    firstAlertAt: Date;
    lastAlertAt: Date;
    alertCount: number;
  };
  alerts: Array<{
    title: string;
    message: string;
    source: string;
    status: "firing" | "resolved";
    severity: Severity | null;
    service: string | null;
    environment: string | null;
    region: string | null;
    errorCode: string | null;
    occurredAt: Date;
    occurrenceCount: number;
  }>;
  timeline: Array<{ type: string; actor: string; message: string | null; at: Date }>;
}

export interface Summary extends Provenance {
  text: string;
  /** Set when a hosted provider failed and this is the offline fallback. */
  degradedFrom?: string;
  /** Why it failed (secret-free: "HTTP 429", "timeout"...). */
  degradedReason?: string;
}

export interface Summarizer {
  readonly name: string;
  summarize(input: SummaryInput): Promise<Summary>;
}
