import { describe, expect, it } from "vitest";
import { alertQueryText, alertsQuery } from "@/lib/rag/incident-query";

describe("incident queries", () => {
  it("keeps alert names, messages, services, codes and informative labels; drops noise labels", () => {
    const text = alertQueryText({
      title: "KafkaConsumerGroupLag",
      message: "Consumer group tracking-indexer lag 182340 on topic parcel-events",
      service: "tracking-service",
      errorCode: null,
      labels: { alertname: "KafkaConsumerGroupLag", consumergroup: "tracking-indexer", topic: "parcel-events", severity: "critical", instance: "10.2.3.4:9308", env: "prod" },
    });
    expect(text).toContain("KafkaConsumerGroupLag");
    expect(text).toContain("tracking-service");
    expect(text).not.toMatch(/critical|10\.2\.3\.4|prod\b/);
    // The alertname label repeats the title: used once.
    expect(text.match(/KafkaConsumerGroupLag/g)).toHaveLength(1);
  });

  it("combines several alerts once per title and collects runbook links and services", () => {
    const q = alertsQuery([
      { title: "PostgresPrimaryDown", message: "no leader", service: "payments-db", runbookUrl: "https://wiki/runbooks/payments-db-failover" },
      { title: "PostgresPrimaryDown", message: "no leader again", service: "payments-db", runbookUrl: "https://wiki/runbooks/payments-db-failover" },
      { title: "PaymentsDeclineRateHigh", message: "declines 41%", service: "payments-api" },
    ]);
    expect(q.text.match(/PostgresPrimaryDown/g)).toHaveLength(1);
    expect(q.text).toContain("PaymentsDeclineRateHigh");
    expect(q.runbookUrls).toEqual(["https://wiki/runbooks/payments-db-failover"]);
    expect(q.services).toEqual(["payments-db", "payments-api"]);
  });

  it("bounds the query length", () => {
    expect(alertQueryText({ title: "x", message: "word ".repeat(5000) }).length).toBeLessThanOrEqual(2000);
  });
});
