import Link from "next/link";
import { notFound } from "next/navigation";
import { ago, utc } from "@/components/dashboard/format";
import { SeverityBadge, StatusBadge } from "@/components/dashboard/severity-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getAlert } from "@/lib/alerts/queries";

export const dynamic = "force-dynamic";

function pct(n: number | null | undefined) {
  return n == null ? "" : ` (${Math.round(n * 100)}%)`;
}

/** Everything stored about one alert: what triage concluded and by which model, and the raw payload as received. */
export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const alert = await getAlert(id);
  if (!alert) notFound();
  const rows: [string, React.ReactNode][] = [
    ["Source", `${alert.source} · external id ${alert.externalId}`],
    ["Fingerprint", <code key="fp">{alert.fingerprint}</code>],
    ["Occurred", `${utc(alert.alertTimestamp)} · received ${utc(alert.createdAt)}`],
    ["Last seen", `${ago(alert.lastSeenAt)} · ${alert.occurrenceCount} occurrence(s)`],
    ["Severity", <span key="sev"><SeverityBadge severity={alert.severity} /> {alert.severityModel}{pct(alert.severityConfidence)}{alert.sourceSeverity ? ` · platform said ${alert.sourceSeverity}` : ""}</span>],
    ["Team", `${alert.team ?? "—"} ${alert.teamModel ? `· ${alert.teamModel}` : ""}${pct(alert.teamConfidence)}`],
    ["Entities", [alert.serviceName, alert.environment, alert.region, alert.errorCode].filter(Boolean).join(" · ") || "—"],
    ["Triage", `${alert.processingState}${alert.processingError ? ` — ${alert.processingError}` : ""} · ${alert.processingAttempts} attempt(s)`],
    ["Incident", alert.incident ? <Link key="inc" href={`/incidents/${alert.incident.id}`} className="text-primary hover:underline">INC-{alert.incident.number} {alert.incident.title}</Link> : "—"],
    ["Grouped because", alert.groupingReason ?? "—"],
    ["Embedding", alert.embeddingModel ?? "—"],
  ];
  return (
    <div className="space-y-4">
      <Link href="/alerts" className="text-sm text-muted-foreground hover:underline">← Alerts</Link>
      <h1 className="text-2xl font-semibold">{alert.title}</h1>
      <div className="flex items-center gap-2"><StatusBadge status={alert.status} /></div>
      {alert.message && <p className="whitespace-pre-wrap text-sm">{alert.message}</p>}
      <Card>
        <CardContent className="pt-4">
          <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
            {rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>Extracted entities</CardTitle></CardHeader>
        <CardContent><pre className="overflow-x-auto text-xs">{JSON.stringify(alert.entities, null, 2)}</pre></CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>Raw payload</CardTitle></CardHeader>
        <CardContent><pre className="max-h-[32rem] overflow-auto text-xs" data-testid="raw-payload">{JSON.stringify(alert.rawPayload, null, 2)}</pre></CardContent>
      </Card>
    </div>
  );
}
