import { env } from "@/lib/env";
import type { Classifier, Embedder, EntityExtractor, Summarizer } from "@/lib/ml/types";

/**
 * The ML providers the triage steps use: lib/ml's configured ones, unless a test or benchmark swaps
 * one in (e.g. a classifier that throws, to prove the fallback path). Loaded lazily so that importing
 * the pipeline does not load model code.
 */
export interface TriageProviders {
  classifier: Classifier;
  extractor: EntityExtractor;
  embedder: Embedder;
  summarizer: Summarizer;
}

const store = globalThis as unknown as { __opsrelayProviderOverrides?: Partial<TriageProviders> };

export function setProviderOverrides(overrides: Partial<TriageProviders> | undefined): void {
  store.__opsrelayProviderOverrides = overrides;
}

export async function getClassifierForTriage(): Promise<Classifier> {
  return store.__opsrelayProviderOverrides?.classifier ?? (await import("@/lib/ml")).getClassifier();
}

export async function getExtractorForTriage(): Promise<EntityExtractor> {
  return store.__opsrelayProviderOverrides?.extractor ?? (await import("@/lib/ml")).getEntityExtractor();
}

export async function getEmbedderForTriage(): Promise<Embedder> {
  return store.__opsrelayProviderOverrides?.embedder ?? (await (await import("@/lib/ml")).getEmbedder());
}

export async function getSummarizerForTriage(): Promise<Summarizer> {
  return store.__opsrelayProviderOverrides?.summarizer ?? (await import("@/lib/ml")).getSummarizer();
}

/** An ML call that hangs must not stall triage: it fails the attempt (then retry, then fallback). */
export function mlTimeoutMs(): number {
  return env().PIPELINE_STEP_TIMEOUT_SECONDS * 1000;
}
