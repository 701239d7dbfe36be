import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { VolumeChart } from "@/components/dashboard/volume-chart";
import { overview } from "@/lib/dashboard/overview";
import { ago } from "@/components/dashboard/format";
import { describeDuration } from "@/lib/duration";
import type { HeartbeatStatus } from "@/lib/heartbeats/monitor";
import { SEVERITIES } from "@/lib/severity";

// Reads the database on every request.
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const o = await overview();
  const openIncidents = Object.values(o.openIncidentsBySeverity).reduce((a, b) => a + b, 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">OpsRelay</h1>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Alerts received" value={o.alertsTotal} testId="alert-count" />
        <Stat label="Open incidents" value={openIncidents} testId="open-incident-count" />
        <Stat label="Awaiting triage" value={(o.alertsByState.pending ?? 0) + (o.alertsByState.processing ?? 0)} testId="pending-count" />
        <Stat label="Failed or unmapped" value={(o.alertsByState.failed ?? 0) + (o.alertsByState.unmapped ?? 0)} testId="failed-count" />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Alert volume, last 24 hours</CardTitle>
        </CardHeader>
        <CardContent>
          <VolumeChart buckets={o.volume} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Open incidents by severity</CardTitle>
        </CardHeader>
        <CardContent className="flex gap-6 text-sm">
          {SEVERITIES.map((s) => (
            <div key={s}>
              <span className="capitalize text-muted-foreground">{s}</span>{" "}
              <span className="font-semibold">{o.openIncidentsBySeverity[s] ?? 0}</span>
            </div>
          ))}
        </CardContent>
      </Card>
      {o.heartbeats.length > 0 && <Heartbeats heartbeats={o.heartbeats} />}
    </div>
  );
}

function Heartbeats({ heartbeats }: { heartbeats: HeartbeatStatus[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Heartbeats</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="space-y-1 text-sm" data-testid="heartbeats">
          {heartbeats.map((h) => (
            <li key={h.alertId} className="flex flex-wrap items-baseline gap-x-3">
              <span className={h.missing ? "font-semibold text-red-600" : "font-semibold text-emerald-700"}>{h.missing ? "MISSING" : "OK"}</span>
              <span className="font-medium">{h.name}</span>
              <span className="text-muted-foreground">
                from {h.source}, last seen {ago(h.lastSeenAt)}, repeats about every {describeDuration(h.expectedIntervalMs)}
                {h.intervalObserved ? "" : " (assumed)"}
                {h.resolvedByPlatform ? `; ${h.source} reported it resolved` : ""}
              </span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Card>
      <CardContent className="pt-4">
        <div className="text-sm text-muted-foreground">{label}</div>
        <div className="text-3xl font-semibold" data-testid={testId}>
          {value}
        </div>
      </CardContent>
    </Card>
  );
}
