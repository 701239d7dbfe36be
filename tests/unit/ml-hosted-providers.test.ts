import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnv } from "@/lib/env";
import { getClassifier, getEmbedder, getEntityExtractor, getSummarizer, resetMl } from "@/lib/ml";
import { chooseEmbedder } from "@/lib/ml/embed/registry";
import type { SummaryInput } from "@/lib/ml/types";
import { startFakeAnthropic, type FakeAnthropic } from "../fakes/anthropic-server";
import { startFakeHuggingFace, type FakeHuggingFace } from "../fakes/huggingface-server";

// Hosted providers are driven through their real SDKs against local fakes speaking the wire formats.

const ENV_KEYS = ["HF_TOKEN", "HF_ENDPOINT_URL", "HF_TIMEOUT_MS", "CLASSIFIER_PROVIDER", "ENTITY_PROVIDER", "EMBEDDING_PROVIDER", "TRANSFORMERS_MODEL_DIR", "TRANSFORMERS_ALLOW_REMOTE", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "ANTHROPIC_MAX_RETRIES", "ANTHROPIC_TIMEOUT_MS", "ANTHROPIC_MAX_TOKENS", "SUMMARIZER_PROVIDER"];
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

function setEnv(values: Record<string, string | undefined>) {
  for (const k of ENV_KEYS) delete process.env[k];
  for (const [k, v] of Object.entries(values)) if (v !== undefined) process.env[k] = v;
  resetEnv();
  resetMl();
}

const noServiceAlert = { source: "generic", title: "Nightly data load failed", message: "the shipments fact table was not refreshed", labels: {} };

let hf: FakeHuggingFace;
let anthropic: FakeAnthropic;

beforeAll(async () => {
  hf = await startFakeHuggingFace();
  anthropic = await startFakeAnthropic();
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterAll(async () => {
  await hf.close();
  await anthropic.close();
  setEnv(saved);
  vi.restoreAllMocks();
});
beforeEach(() => {
  hf.reset();
  anthropic.reset();
});
afterEach(() => setEnv({}));

describe("Hugging Face zero-shot classifier", () => {
  beforeEach(() => setEnv({ HF_TOKEN: "hf_test_token", HF_ENDPOINT_URL: hf.url, CLASSIFIER_PROVIDER: "huggingface", HF_TIMEOUT_MS: "400" }));

  it("predicts severity and team through the Inference API route shape", async () => {
    hf.enqueue(
      "zero-shot-classification",
      { json: { sequence: "x", labels: ["a critical outage with customers affected", "a minor issue with little impact"], scores: [0.81, 0.19] } },
      { json: [{ label: "Data Engineering team", score: 0.77 }, { label: "Payments team", score: 0.23 }] },
    );
    const r = await getClassifier().classify(noServiceAlert);
    expect(r.severity).toMatchObject({ value: "critical", provider: "huggingface", model: "facebook/bart-large-mnli", confidence: 0.81 });
    expect(r.team).toMatchObject({ value: "data", provider: "huggingface" });
    expect(r.severity.degradedFrom).toBeUndefined();
    expect(hf.requests[0].path).toBe("/models/facebook/bart-large-mnli");
    expect(hf.requests[0].authorization).toBe("Bearer hf_test_token");
    expect(hf.requests[0].body.parameters?.candidate_labels).toHaveLength(5);
  });

  it("keeps the platform's severity and the catalog's owner without asking the API", async () => {
    const r = await getClassifier().classify({ source: "datadog", title: "payments-api errors", message: "", labels: { service: "payments-api" }, sourceSeverity: "high" });
    expect(r.severity).toMatchObject({ value: "high", provider: "source" });
    expect(r.team).toMatchObject({ value: "payments", model: "service-catalog" });
    expect(hf.requests).toHaveLength(0);
  });

  it("degrades to the local classifier on 429 (recorded), without retry storms", async () => {
    hf.enqueue("zero-shot-classification", { error: 429, retryAfter: 30 });
    const r = await getClassifier().classify(noServiceAlert);
    expect(r.severity.degradedFrom).toBe("huggingface");
    expect(r.severity.degradedReason).toBe("HTTP 429");
    expect(r.severity.provider).toBe("local");
    expect(r.team.degradedFrom).toBe("huggingface");
    expect(hf.requests).toHaveLength(1);
  });

  it("degrades on 503 model loading instead of the SDK's endless immediate retry", async () => {
    hf.enqueue("zero-shot-classification", { error: 503, message: "Model facebook/bart-large-mnli is currently loading", estimatedTime: 20 });
    const r = await getClassifier().classify(noServiceAlert);
    expect(r.severity).toMatchObject({ degradedFrom: "huggingface", degradedReason: "HTTP 503" });
    expect(hf.requests).toHaveLength(1);
  });

  it("degrades on timeout", async () => {
    hf.enqueue("zero-shot-classification", { hang: true });
    const started = Date.now();
    const r = await getClassifier().classify(noServiceAlert);
    expect(r.severity).toMatchObject({ degradedFrom: "huggingface", degradedReason: "timeout" });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("is a configuration error without HF_TOKEN", () => {
    setEnv({ CLASSIFIER_PROVIDER: "huggingface" });
    expect(() => getClassifier()).toThrow(/HF_TOKEN/);
  });
});

describe("Hugging Face NER merged with structured extraction", () => {
  beforeEach(() => setEnv({ HF_TOKEN: "hf_test_token", HF_ENDPOINT_URL: hf.url, ENTITY_PROVIDER: "huggingface" }));

  it("adds NER spans and finds a service the local extractor missed", async () => {
    hf.enqueue("token-classification", {
      json: [
        { entity_group: "ORG", score: 0.93, word: "Ledger", start: 0, end: 6 },
        { entity_group: "LOC", score: 0.88, word: "Frankfurt", start: 30, end: 39 },
        { entity_group: "PER", score: 0.2, word: "low-confidence", start: 40, end: 50 },
      ],
    });
    const r = await getEntityExtractor().extract({ source: "generic", title: "Postings stuck", message: "env=prod ORA-00060 seen in Frankfurt", labels: {} });
    expect(r.provider).toBe("huggingface");
    expect(r.all.location).toEqual(["Frankfurt"]);
    expect(r.all.person).toBeUndefined();
    expect(r.service).toBe("ledger-service");
    expect(r.origins?.service).toBe("ner");
    // Structured/pattern results are kept.
    expect(r.errorCode).toBe("ORA-00060");
    expect(r.environment).toBe("production");
    expect(hf.requests[0].body.parameters).toMatchObject({ aggregation_strategy: "simple" });
  });

  it("falls back to the local extractor on a 500, recorded", async () => {
    hf.enqueue("token-classification", { error: 500, message: "internal" });
    const r = await getEntityExtractor().extract({ source: "generic", title: "payments-api down", message: "", labels: {} });
    expect(r).toMatchObject({ provider: "local", degradedFrom: "huggingface", degradedReason: "HTTP 500", service: "payments-api" });
  });
});

describe("defaults", () => {
  it("with no configuration every capability is the offline default", async () => {
    setEnv({});
    expect(getClassifier().name).toBe("local");
    expect(getEntityExtractor().name).toBe("local");
    expect(getSummarizer().name).toBe("offline");
    expect((await getEmbedder()).dimensions).toBe(384);
  });
});

describe("embedder registry", () => {
  it("auto without a local model or token uses the offline embedder", async () => {
    setEnv({});
    const e = await getEmbedder();
    expect(e.model).toMatch(/^opsrelay-offline/);
    const [v] = await e.embed(["payments-api 502"]);
    expect(v).toHaveLength(384);
  });

  it("auto skips a model folder without weights, with the reason", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "minilm-"));
    writeFileSync(path.join(dir, "config.json"), "{}");
    setEnv({ TRANSFORMERS_MODEL_DIR: dir });
    const choice = await chooseEmbedder();
    expect(choice.embedder.model).toMatch(/^opsrelay-offline/);
    expect(choice.skipped.join(" ")).toMatch(/tokenizer\.json/);
  });

  it("an explicit transformers choice with missing files is a clear error", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "minilm-"));
    mkdirSync(path.join(dir, "onnx"));
    writeFileSync(path.join(dir, "config.json"), "{}");
    writeFileSync(path.join(dir, "tokenizer.json"), "{}");
    setEnv({ EMBEDDING_PROVIDER: "transformers", TRANSFORMERS_MODEL_DIR: dir });
    await expect(getEmbedder()).rejects.toThrow(/EMBEDDING_PROVIDER=transformers.*onnx/);
  });

  it("auto falls back cleanly when model files are present but unusable (real transformers.js load)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "minilm-"));
    mkdirSync(path.join(dir, "onnx"));
    writeFileSync(path.join(dir, "config.json"), JSON.stringify({ model_type: "bert", hidden_size: 384 }));
    writeFileSync(path.join(dir, "tokenizer.json"), "{}");
    writeFileSync(path.join(dir, "tokenizer_config.json"), "{}");
    writeFileSync(path.join(dir, "onnx", "model.onnx"), Buffer.alloc(512, 7));
    setEnv({ TRANSFORMERS_MODEL_DIR: dir });
    const choice = await chooseEmbedder();
    expect(choice.embedder.model).toMatch(/^opsrelay-offline/);
    expect(choice.skipped[0]).toMatch(/transformers: transformers\.js could not load/);
  }, 30_000);

  it("auto with HF_TOKEN uses feature extraction on the Inference API, batched", async () => {
    setEnv({ HF_TOKEN: "hf_x", HF_ENDPOINT_URL: hf.url });
    const e = await getEmbedder();
    expect(e.model).toBe("hf:sentence-transformers/all-MiniLM-L6-v2");
    const vectors = await e.embed(["a", "b", "a"]);
    expect(vectors).toHaveLength(3);
    expect(vectors[0]).toHaveLength(384);
    expect(vectors[0]).toEqual(vectors[2]);
    expect(hf.requests[0].path).toBe("/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction");
  });

  it("rejects vectors of the wrong size instead of storing them", async () => {
    setEnv({ HF_TOKEN: "hf_x", HF_ENDPOINT_URL: hf.url, EMBEDDING_PROVIDER: "huggingface" });
    hf.enqueue("feature-extraction", { json: [[0.1, 0.2, 0.3]] });
    const e = await getEmbedder();
    await expect(e.embed(["x"])).rejects.toThrow(/384/);
  });
});

function summaryInput(alerts = 3): SummaryInput {
  const t0 = new Date("2026-11-25T14:02:00Z");
  return {
    incident: { number: 42, title: "ledger-service deadlocks", status: "open", severity: "high", affectedServices: ["ledger-service", "payments-api"], environments: ["production"], firstAlertAt: t0, lastAlertAt: new Date(t0.getTime() + 600_000), alertCount: alerts },
    alerts: Array.from({ length: alerts }, (_, i) => ({
      title: `ORA-00060 deadlock #${i % 20}`,
      message: "x".repeat(2000),
      source: "sentry",
      status: "firing" as const,
      severity: "high" as const,
      service: "ledger-service",
      environment: "production",
      region: "eu-west-1",
      errorCode: "ORA-00060",
      occurredAt: new Date(t0.getTime() + i * 1000),
      occurrenceCount: 1,
    })),
    timeline: [{ type: "opened", actor: "opsrelay", message: "incident opened", at: t0 }],
  };
}

describe("Anthropic summarizer", () => {
  beforeEach(() => setEnv({ ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_BASE_URL: anthropic.url, ANTHROPIC_MAX_RETRIES: "0", ANTHROPIC_TIMEOUT_MS: "500", ANTHROPIC_MAX_TOKENS: "300" }));

  it("summarizes with Claude, with a bounded prompt", async () => {
    anthropic.enqueue({ text: "Ledger deadlocks (ORA-00060) since 14:02 UTC in production." });
    const s = await getSummarizer().summarize(summaryInput(60));
    expect(s).toMatchObject({ provider: "anthropic", model: "claude-sonnet-4-5", text: "Ledger deadlocks (ORA-00060) since 14:02 UTC in production." });
    const req = anthropic.requests[0];
    expect(req.body.max_tokens).toBe(300);
    const prompt = String(req.body.messages?.[0].content);
    expect(prompt).toContain("Alerts (15 of 60, 45 omitted)");
    expect(prompt.length).toBeLessThan(8000);
    expect(prompt).not.toContain("x".repeat(300));
  });

  it.each([
    [{ error: 429, retryAfter: 1 }, "HTTP 429 rate_limit_error"],
    [{ error: 529 }, "HTTP 529 overloaded_error"],
    [{ error: 500 }, "HTTP 500 api_error"],
    [{ hang: true as const }, "timeout"],
  ])("falls back to the offline summary on %j, recorded", async (reply, reason) => {
    anthropic.enqueue(reply);
    const s = await getSummarizer().summarize(summaryInput());
    expect(s).toMatchObject({ provider: "offline", degradedFrom: "anthropic", degradedReason: reason });
    expect(s.text).toMatch(/HIGH incident #42/);
  });

  it("a long retry-after cannot stall the summary: the whole call has a deadline", async () => {
    setEnv({ ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_BASE_URL: anthropic.url, ANTHROPIC_MAX_RETRIES: "2", ANTHROPIC_TIMEOUT_MS: "300" });
    anthropic.enqueue({ error: 429, retryAfter: 3600 });
    const started = Date.now();
    const s = await getSummarizer().summarize(summaryInput());
    expect(s).toMatchObject({ provider: "offline", degradedFrom: "anthropic", degradedReason: "deadline exceeded" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("auto without a key uses the offline summarizer; explicit anthropic without a key is an error", async () => {
    setEnv({});
    expect(getSummarizer().name).toBe("offline");
    setEnv({ SUMMARIZER_PROVIDER: "anthropic" });
    expect(() => getSummarizer()).toThrow(/ANTHROPIC_API_KEY/);
  });
});
