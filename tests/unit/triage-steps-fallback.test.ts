import { describe, expect, it } from "vitest";
import { buildCatalog } from "@/lib/ml/catalog";
import { fallbackClassification, fallbackEntities, fallbackSeverity } from "@/lib/pipeline/fallback-rules";
import type { AlertText } from "@/lib/ml/types";

const catalog = buildCatalog({
  teams: [
    { id: "checkout", name: "Checkout" },
    { id: "platform", name: "Platform" },
  ],
  services: [
    { name: "checkout-api", team: "checkout", aliases: ["checkout"] },
    { name: "postgres-main", team: "platform", aliases: ["pg-main"] },
  ],
});

const alert = (over: Partial<AlertText>): AlertText => ({ source: "datadog", title: "", message: "", labels: {}, ...over });

describe("rule-based fallbacks (used when an ML provider keeps failing)", () => {
  it("trusts the platform's own severity first", () => {
    expect(fallbackSeverity(alert({ title: "All good", sourceSeverity: "critical" }))).toBe("critical");
  });
  it("reads severity words in the title, else assumes medium", () => {
    expect(fallbackSeverity(alert({ title: "checkout-api is DOWN" }))).toBe("critical");
    expect(fallbackSeverity(alert({ title: "[Warning] disk 81% on pg-main" }))).toBe("low");
    expect(fallbackSeverity(alert({ title: "Deploy finished" }))).toBe("medium");
  });
  it("finds the team through the catalog, from a label alias or the title", () => {
    const byLabel = fallbackClassification(alert({ title: "latency", labels: { service: "checkout" } }), catalog);
    expect(byLabel.team).toMatchObject({ value: "checkout", provider: "fallback" });
    const byTitle = fallbackClassification(alert({ title: "Replication lag on pg-main" }), catalog);
    expect(byTitle.team.value).toBe("platform");
  });
  it("labels every value as a fallback with low confidence when nothing matches", () => {
    const c = fallbackClassification(alert({ title: "something odd" }), catalog);
    expect(c.team).toMatchObject({ value: "unassigned", provider: "fallback" });
    expect(c.severity.confidence).toBeLessThan(0.5);
  });
  it("extracts entities from common label names", () => {
    const e = fallbackEntities(
      alert({
        title: "HTTP 503 from checkout",
        labels: { app: "checkout", env: "production", region: "eu-west-1", kubernetes_namespace: "shop", pod: "checkout-7d9f" },
      }),
      catalog,
    );
    expect(e).toMatchObject({
      service: "checkout-api",
      environment: "production",
      region: "eu-west-1",
      namespace: "shop",
      pod: "checkout-7d9f",
      errorCode: "503",
      provider: "fallback",
    });
  });
});
