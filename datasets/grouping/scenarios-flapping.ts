import { ScenarioBuilder, type Scenario } from "./scenario-kit";

/** Flapping: one check going on and off; the re-fires belong to the problem that is still there. */
export function flappingScenarios(): Scenario[] {
  const disk = new ScenarioBuilder(
    "flap-inventory-db-disk",
    "flapping",
    "inventory-db disk usage flaps around its threshold for two hours",
    "2026-10-08T13:00:00Z",
    "inventory-db's data volume hovers at 90% while autovacuum and WAL archiving fight; the Alertmanager rule fires and resolves about " +
      "every 12-20 minutes for two hours — one problem. Some gaps are longer than a 30-minute window. In the middle, scanner-ingest " +
      "(warehouse, same region, no dependency on inventory-db) has a RabbitMQ consumer outage of its own, and the label printers at one " +
      "site flap too. Traps: the time window merges the scanner outage into the disk incident; re-fires after 30+ minutes test reopening.",
  );
  const flaps = [0, 14, 31, 47, 80, 96, 113, 128];
  flaps.forEach((at, i) =>
    disk.add({ incident: "disk", at, source: "alertmanager", service: "inventory-db", region: "eu-west-1", severity: "high", rule: "PostgresDiskUsageHigh", target: "inventory-db-0:9187", groupBy: ["alertname", "instance"],
      title: "PostgresDiskUsageHigh", message: `inventory-db-0 data volume ${90 + (i % 3)}% used (threshold 90%)`, resolvesAfter: i === flaps.length - 1 ? undefined : 6 }),
  );
  disk
    .add({ incident: "disk", at: 33, source: "alertmanager", service: "inventory-db", region: "eu-west-1", severity: "medium", rule: "PostgresWalArchiveFailing", target: "inventory-db-0:9187", groupBy: ["alertname", "instance"],
      title: "PostgresWalArchiveFailing", message: "archive_command failing on inventory-db-0 for 10m: WAL segments accumulating in pg_wal", resolvesAfter: 40 })
    .repeat([52, 53.5, 55], { incident: "scanner", source: "datadog", service: "scanner-ingest", region: "eu-west-1", severity: "high", rule: "monitor-33010 scanner-ingest consumer down", targets: ["scan-ingest-1", "scan-ingest-2", "scan-ingest-3"],
      title: "[Triggered] scanner-ingest consumers disconnected on {target}", message: "0 consumers on queue scans.inbound; AMQP channel closed: PRECONDITION_FAILED - delivery acknowledgement timed out", resolvesAfter: 20 })
    .add({ incident: "scanner", at: 57, source: "sentry", service: "scanner-ingest", region: "eu-west-1", severity: "medium", rule: "scanner AMQPChannelError ack timeout",
      title: "AMQPChannelError: (406, 'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out')", message: "scanner_ingest.consumer.run", resolvesAfter: 18 });
  [20, 38, 61, 75].forEach((at) =>
    disk.add({ incident: "printers", at, source: "generic", service: "label-printer-service", region: "eu-west-1", severity: "low", rule: "printer-heartbeat-site-DUB2", target: "DUB2",
      title: "Label printer heartbeat missed at site DUB2", message: "3 of 14 printers at DUB2 missed 2 heartbeats (print server restarted)", resolvesAfter: 5 }),
  );
  disk.add({ incident: "disk", at: 140, source: "alertmanager", service: "inventory-db", region: "eu-west-1", severity: "critical", rule: "PostgresDiskUsageCritical", target: "inventory-db-0:9187", groupBy: ["alertname", "instance"],
    title: "PostgresDiskUsageCritical", message: "inventory-db-0 data volume 97% used (threshold 95%)" });

  const cert = new ScenarioBuilder(
    "flap-sso-health",
    "flapping",
    "sso-gateway health check flaps; an expiring certificate warns on and off; one real TLS outage",
    "2026-10-30T06:00:00Z",
    "A synthetic check of sso-gateway flaps on a single bad node (one problem, fingerprint stable). cert-manager warns every ~20 min " +
      "that the wildcard certificate renewal is failing (a second, slow problem). At 06:50 the certificate actually expires on the edge " +
      "and sso-gateway and api-gateway both throw TLS handshake errors — in reality caused by the cert problem, but the catalog has no " +
      "dependency on cert-manager and the messages share only 'certificate' words: genuinely hard. Labels follow what the on-call " +
      "engineer would call one incident: the TLS outage belongs with the certificate warnings.",
  );
  [0, 9, 19, 27, 41].forEach((at) =>
    cert.add({ incident: "sso-node", at, source: "pagerduty", service: "sso-gateway", region: "us-east-1", severity: "medium", rule: "pd-synthetic-sso-login", target: "sso-gw-node-3",
      title: "Synthetic SSO login check failing (sso-gw-node-3)", message: "Okta bridge login flow returned 500 from node sso-gw-node-3; other nodes healthy", resolvesAfter: 4 }),
  );
  [2, 22, 44].forEach((at) =>
    cert.add({ incident: "cert", at, source: "alertmanager", service: "cert-manager", region: "us-east-1", severity: "medium", rule: "CertManagerCertificateNotReady", target: "wildcard-parcelwise-com", groupBy: ["alertname", "namespace"], labels: { namespace: "edge" },
      title: "CertManagerCertificateNotReady", message: "Certificate edge/wildcard-parcelwise-com not ready: ACME order failed (DNS-01 challenge timeout); expires in 2h", resolvesAfter: 8 }),
  );
  cert
    .add({ incident: "cert", at: 50, source: "datadog", service: "sso-gateway", region: "us-east-1", severity: "critical", rule: "monitor-12001 sso-gateway tls errors",
      title: "[Triggered] sso-gateway TLS handshake failures", message: "x509: certificate has expired or is not yet valid for *.parcelwise.com on 84% of handshakes", errorCode: "x509 expired" })
    .add({ incident: "cert", at: 50.8, source: "datadog", service: "api-gateway", region: "us-east-1", severity: "critical", rule: "monitor-40010 api-gateway tls errors",
      title: "[Triggered] api-gateway TLS handshake failures", message: "x509: certificate has expired or is not yet valid for *.parcelwise.com", errorCode: "x509 expired" })
    .add({ incident: "cert", at: 52, source: "alertmanager", service: "cert-manager", region: "us-east-1", severity: "critical", rule: "CertManagerCertificateExpired", target: "wildcard-parcelwise-com", groupBy: ["alertname", "namespace"], labels: { namespace: "edge" },
      title: "CertManagerCertificateExpired", message: "Certificate edge/wildcard-parcelwise-com expired at 06:50 UTC" })
    .add({ incident: "sso-node", at: 58, source: "pagerduty", service: "sso-gateway", region: "us-east-1", severity: "medium", rule: "pd-synthetic-sso-login", target: "sso-gw-node-3",
      title: "Synthetic SSO login check failing (sso-gw-node-3)", message: "Okta bridge login flow returned 500 from node sso-gw-node-3", resolvesAfter: 4 });

  return [disk.build(), cert.build()];
}
