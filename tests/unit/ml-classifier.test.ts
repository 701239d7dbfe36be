import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/ml/catalog";
import { floorProblemAtLow, gradeOutsideProduction, LocalClassifier, shippedModel } from "@/lib/ml/classify/local-classifier";
import { RulesClassifier } from "@/lib/ml/classify/rules-classifier";
import { hashedFeatures } from "@/lib/ml/classify/features";
import { dequantize, predict, quantize, train } from "@/lib/ml/classify/logreg";
import { accuracy, EntityScorer, macroF1 } from "@/lib/ml/eval/metrics";

describe("logistic regression", () => {
  const xs = [new Map([[0, 1]]), new Map([[1, 1]]), new Map([[2, 1]]), new Map([[0, 1], [3, 1]])];
  const ys = ["a", "b", "c", "a"];

  it("learns separable data, deterministically for a seed, and survives int8 quantisation", () => {
    const m1 = train(xs, ys, ["a", "b", "c"], 8, { epochs: 30, learningRate: 0.5, l2: 0, seed: 1 });
    const m2 = train(xs, ys, ["a", "b", "c"], 8, { epochs: 30, learningRate: 0.5, l2: 0, seed: 1 });
    expect(Array.from(m1.weights)).toEqual(Array.from(m2.weights));
    const q = dequantize(quantize(m1));
    for (let i = 0; i < xs.length; i++) expect(predict(q, xs[i]).label).toBe(ys[i]);
    expect(predict(q, xs[1]).probability).toBeGreaterThan(0.7);
  });

  it("rejects labels outside the classes", () => {
    expect(() => train(xs, ["a", "b", "z", "a"], ["a", "b", "c"], 8, { epochs: 1, learningRate: 0.1, l2: 0, seed: 1 })).toThrow(/z is not one of/);
  });
});

describe("features", () => {
  it("never use the platform's own severity labels", () => {
    const catalog = loadCatalog();
    const a = hashedFeatures({ source: "alertmanager", title: "x", message: "", labels: { severity: "critical", priority: "P1" } }, catalog, 1 << 15);
    const b = hashedFeatures({ source: "alertmanager", title: "x", message: "", labels: {} }, catalog, 1 << 15);
    expect([...a.entries()]).toEqual([...b.entries()]);
  });
});

describe("local classifier (shipped model)", () => {
  const c = new LocalClassifier();

  it("ships a trained model", () => {
    expect(shippedModel()?.name).toMatch(/^opsrelay-logreg-/);
  });

  it("uses the platform's severity when given, with high confidence", async () => {
    const r = await c.classify({ source: "datadog", title: "anything", message: "", labels: {}, sourceSeverity: "low" });
    expect(r.severity).toMatchObject({ value: "low", provider: "source", confidence: 0.95 });
  });

  it("grades a non-production problem by the rubric: whole service/environment broken medium, anything less low", async () => {
    const a = (title: string, labels: Record<string, string> = {}) => ({ source: "generic", title, message: "", labels });
    expect(gradeOutsideProduction(a("checkout down for everyone", { env: "staging" }), "critical")).toBe("medium");
    expect(gradeOutsideProduction(a("qa: cart-service 12% errors"), "high")).toBe("low");
    expect(gradeOutsideProduction(a("checkout down for everyone", { env: "prod" }), "critical")).toBe("critical");
    expect(gradeOutsideProduction(a("checkout slow", { env: "staging" }), "medium")).toBe("low");
    expect(gradeOutsideProduction(a("every staging checkout fails since the last merge"), "low")).toBe("medium");
    expect(gradeOutsideProduction(a("staging deploy finished"), "info")).toBe("info");
    // End to end: the model's magnitude (31% errors) does not lift a dev problem above low.
    expect((await c.classify({ source: "grafana", title: "[FIRING:1] High error rate auth-service", message: "auth-service error ratio 31% in dev after a migration", labels: {} })).severity.value).toBe("low");
  });

  it("keeps info for notices and recoveries, but a described problem is at least low", () => {
    const a = (title: string, message = "") => ({ source: "alertmanager", title, message, labels: {} });
    expect(floorProblemAtLow(a("KubeJobFailed", "Job ci/cache-prune-28475520 failed to complete."), "info")).toBe("low");
    expect(floorProblemAtLow(a("[Recovered] cart-service error rate", "error rate back to 0.1%"), "info")).toBe("info");
    expect(floorProblemAtLow(a("Deploy finished", "payments-api v4.2 rollout completed"), "info")).toBe("info");
    expect(floorProblemAtLow(a("KubeJobFailed", "Job failed"), "medium")).toBe("medium");
  });

  it("reads platform severities the adapters did not normalise: label words, urgency, [P1]/[SEV2] title tags", async () => {
    const sev = async (title: string, labels: Record<string, string> = {}) => (await c.classify({ source: "generic", title, message: "", labels })).severity;
    expect(await sev("cart-service errors", { severity: "page" })).toMatchObject({ value: "critical", provider: "source" });
    expect(await sev("cart-service errors", { severity: "none" })).toMatchObject({ value: "info", provider: "source" });
    expect(await sev("cart-service errors", { urgency: "low" })).toMatchObject({ value: "low", provider: "source" });
    expect(await sev("cart-service errors", { priority: "P1 - Critical" })).toMatchObject({ value: "critical", provider: "source" });
    expect(await sev("cart-service errors", { severity: "SEV-3 (minor)" })).toMatchObject({ value: "medium", provider: "source" });
    expect((await sev("cart-service errors", { severity: "team-checkout" })).provider).toBe("local");
    expect(await sev("[Triggered] [P1] cart-service errors")).toMatchObject({ value: "critical", provider: "source" });
    expect(await sev("SEV2: checkout slow for some users")).toMatchObject({ value: "high", provider: "source" });
    // A service or ticket number that merely looks like a tag is not one.
    expect((await sev("cart-service p95 latency 2s (objective 400ms)")).provider).toBe("local");
  });

  it("calls a recovery notice info even when its rule carries a severity", async () => {
    const r = (title: string, message: string, labels: Record<string, string>, sourceSeverity?: "critical" | "medium") => c.classify({ source: "alertmanager", title, message, labels, sourceSeverity });
    expect((await r("[RESOLVED] PaymentsApiDown", "payments-api targets up again", { severity: "critical" }, "critical")).severity).toMatchObject({ value: "info", provider: "source" });
    expect((await r("payments-db-FreeStorageSpace", 'OK: "payments-db-FreeStorageSpace" in eu-west-1.', { cloudwatch_state: "OK" })).severity.value).toBe("info");
    // Still firing: the rule's severity stands.
    expect((await r("PaymentsApiDown", "0 of 6 targets up", { severity: "critical" }, "critical")).severity.value).toBe("critical");
  });

  it("takes the owning team from the catalog for a named service", async () => {
    const r = await c.classify({ source: "generic", title: "notifcation-service queue backing up", message: "", labels: {} });
    expect(r.team).toMatchObject({ value: "notifications", model: "service-catalog" });
  });

  it("predicts severity from the wording and numbers, with provenance", async () => {
    const down = await c.classify({ source: "generic", title: "payments-api is down", message: "all replicas failing health checks, customers cannot pay", labels: {} });
    const deploy = await c.classify({ source: "generic", title: "Deployment of payments-api v4.2.0 completed", message: "rolled out to prod", labels: {} });
    expect(down.severity.value).toBe("critical");
    expect(deploy.severity.value).toBe("info");
    expect(down.severity.provider).toBe("local");
    expect(down.severity.model).toBe(shippedModel()!.name);
    expect(down.severity.confidence).toBeGreaterThan(0);
    expect(down.severity.confidence).toBeLessThanOrEqual(1);
  });

  it("grades severity by environment and magnitude, with the cue model averaged in", async () => {
    expect(shippedModel()?.severityCues).toBeDefined();
    const sev = async (title: string, labels: Record<string, string> = {}, message = "") => (await c.classify({ source: "generic", title, message, labels })).severity.value;
    expect(await sev("payments-api is down", { env: "prod" }, "no ready endpoints for 10m")).toBe("critical");
    // Rubric: outside production never above medium.
    expect(await sev("payments-api is down", { env: "staging" }, "no ready endpoints for 10m")).toBe("medium");
    expect(await sev("cart-service error rate 45%")).toBe("critical");
    expect(await sev("cart-service error rate 2%")).toBe("medium");
    expect(await sev("Certificate for api.example.com expires in 2 days")).toBe("high");
    expect(await sev("Certificate for api.example.com expires in 25 days")).toBe("low");
  });

  it("degrades to rules without a model", async () => {
    const r = await new LocalClassifier(null).classify({ source: "generic", title: "cart-service errors", message: "", labels: {} });
    expect(r.severity.provider).toBe("rules");
    expect(r.team.value).toBe("checkout");
  });

  it("rules baseline: camelCase rule names still match keywords", async () => {
    const r = await new RulesClassifier().classify({ source: "alertmanager", title: "PaymentsApiDown", message: "", labels: {} });
    expect(r.severity.value).toBe("critical");
  });
});

describe("metrics", () => {
  it("accuracy and macro-F1", () => {
    expect(accuracy(["a", "b", "b"], ["a", "b", "a"])).toBeCloseTo(2 / 3);
    const m = macroF1(["a", "a", "b", "b"], ["a", "b", "b", "b"]);
    expect(m.perClass.a.f1).toBeCloseTo(2 / 3);
    expect(m.perClass.b.f1).toBeCloseTo(0.8);
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });

  it("entity scoring counts missing and extra values per type", () => {
    const s = new EntityScorer(["host", "region"]);
    s.add("1", { host: ["a", "b"], region: ["eu-west-1"] }, { host: ["a", "c"], region: ["EU-WEST-1"] });
    const t = s.perType();
    expect(t.host).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(t.region).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(s.misses).toEqual([{ id: "1", type: "host", missing: ["b"], extra: ["c"] }]);
  });
});
