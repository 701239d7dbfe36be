import { describe, expect, it } from "vitest";
import { alertQueryText, alertsQuery } from "@/lib/rag/incident-query";
import { asksForNavigation, isNavigation, servicesNamed, type Vocabulary } from "@/lib/rag/generic-sections";

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

  it("drops the monitoring tool's chrome (status prefix, monitor query syntax, links, @-handles) and keeps what failed", () => {
    const text = alertQueryText({
      title: "[Triggered on {service:fraud-scorer,env:prod}] fraud-scorer p99 latency above 300ms",
      message:
        "avg(last_10m):p99:trace.http.request.duration{service:fraud-scorer,env:prod}.as_count() > 0.3 (current value 0.47). See https://app.datadoghq.eu/monitors/9120433 @pagerduty-Payments",
    });
    expect(text).toContain("fraud-scorer p99 latency above 300ms");
    expect(text).not.toMatch(/Triggered|trace\.http|as_count|datadoghq|pagerduty|env:prod|\{/);
  });

  it("keeps a service named only in the monitor's tags", () => {
    const text = alertQueryText({ title: "[Triggered on {service:pricing-service,env:prod}] Quote failures above 1%", message: "" });
    expect(text).toContain("Quote failures above 1%");
    expect(text).toContain("pricing-service");
  });
});

describe("navigation passages", () => {
  const v: Vocabulary = {
    templateHeadings: new Set(["dashboards", "escalation", "alerts"]),
    services: ["payments-api", "payments-db", "ledger-service", "fraud-scorer", "kafka"],
    templatedDocs: new Set(["svc-doc"]),
    catalogDocs: new Set(["catalog-doc"]),
  };
  const chunk = (documentId: string, headingPath: string, content = "text") => ({ documentId, headingPath, content });

  it("are template sections, templated runbooks' headers, catalog pages and passages listing many services", () => {
    expect(isNavigation(chunk("svc-doc", "kafka service runbook › Dashboards"), v)).toBe(true);
    expect(isNavigation(chunk("svc-doc", "kafka service runbook"), v)).toBe(true);
    expect(isNavigation(chunk("catalog-doc", "Service reference › Payments › payments-api"), v)).toBe(true);
    expect(isNavigation(chunk("topic", "Digest › 2026", "payments-api, payments-db, ledger-service and fraud-scorer were down"), v)).toBe(true);
  });

  it("are not the sections that hold a fix, nor a topic runbook's intro", () => {
    expect(isNavigation(chunk("svc-doc", "kafka service runbook › Common problems › Under-replicated partitions"), v)).toBe(false);
    expect(isNavigation(chunk("topic", "Kafka consumer lag"), v)).toBe(false);
    expect(isNavigation(chunk("topic", "Kafka consumer lag › Mitigation", "scale the kafka consumers of payments-api"), v)).toBe(false);
  });

  it("count whole service names only", () => {
    expect(servicesNamed("payments-api-canary and kafka-2 are up", v.services)).toBe(0);
    expect(servicesNamed("payments-api (and payments-db).", v.services)).toBe(2);
  });
});

describe("asksForNavigation", () => {
  it("tells questions about owners, tiers, escalation and history from questions about a fix", () => {
    for (const q of ["who owns routing-db", "what tier is address-autocomplete", "escalation path for payments?", "which dashboards show kafka lag", "postmortem of the last ledger incident"]) {
      expect(asksForNavigation(q), q).toBe(true);
    }
    for (const q of ["db behind route planning is read only??", "how do i get the warehouse vpn back", "redis memory full what do i do"]) {
      expect(asksForNavigation(q), q).toBe(false);
    }
  });
});
