import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/dashboard/auto-refresh";
import { ago, utc } from "@/components/dashboard/format";
import { SeverityBadge, StatusBadge } from "@/components/dashboard/severity-badge";
import { CopilotPanel } from "@/components/copilot/copilot-panel";
import { AlertStrip } from "@/components/incidents/alert-strip";
import { IncidentActions } from "@/components/incidents/incident-actions";
import { MergeIncident } from "@/components/incidents/merge-incident";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getMergedInto } from "@/lib/incidents/merge-incidents";
import { getIncidentDetail, incidentListQuerySchema, listIncidents, resolveIncidentId } from "@/lib/incidents/queries";
import { foldAlertRuns, mergedIncidentNumber } from "@/lib/incidents/timeline-view";

export const dynamic = "force-dynamic";

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: idOrNumber } = await params;
  const id = await resolveIncidentId(decodeURIComponent(idOrNumber));
  const incident = id ? await getIncidentDetail(id) : null;
  if (!incident) notFound();
  const hiddenActions = incident._count.actions - incident.actions.length;
  const mergedInto = incident.mergedIntoId ? await getMergedInto(incident.id) : null;
  // Merge suggestions: the other live incidents, most recently active first.
  const live = mergedInto ? [] : (await listIncidents(incidentListQuerySchema.parse({ status: "open,investigating", limit: 30 }))).items;
  const candidates = live.filter((c) => c.id !== incident.id).map((c) => ({ number: c.number, title: c.title }));

  return (
    <div className="space-y-6">
      <AutoRefresh seconds={5} />
      <div className="space-y-2">
        <Link href="/incidents" className="text-sm text-muted-foreground hover:underline">
          ← Incidents
        </Link>
        <h1 className="text-2xl font-semibold">
          <span className="text-muted-foreground">INC-{incident.number}</span> {incident.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
          <span className="text-muted-foreground">
            {incident.openAlertCount} firing of {incident.alertCount} alerts · since {utc(incident.firstAlertAt)} · last alert {ago(incident.lastAlertAt)}
          </span>
        </div>
        <div className="text-sm text-muted-foreground">
          Services: {incident.affectedServices.join(", ") || "—"} · Environments: {incident.environments.join(", ") || "—"}
        </div>
      </div>

      {mergedInto && (
        <div role="status" className="rounded-md border border-primary/40 bg-primary/5 p-3 text-sm" data-testid="merged-into">
          This incident was merged into{" "}
          <Link href={`/incidents/INC-${mergedInto.number}`} className="font-medium underline">
            INC-{mergedInto.number} {mergedInto.title}
          </Link>
          ; its alerts are there now.
        </div>
      )}

      <Card>
        <CardContent className="space-y-3 pt-4">
          <IncidentActions incidentId={incident.id} status={incident.status} />
          {!mergedInto && <MergeIncident incidentId={incident.id} candidates={candidates} />}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Summary</CardTitle>
          <CardDescription>
            {incident.summaryModel ? `by ${incident.summaryModel}, ${ago(incident.summaryUpdatedAt)}` : "not summarized yet"}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <div className="whitespace-pre-wrap text-sm" data-testid="incident-summary">
            {incident.summary ?? "The summary appears once triage has run."}
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Alerts</CardTitle>
          <CardDescription>Why each alert was grouped here, and what was extracted from it.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          <AlertStrip alerts={incident.alerts} from={incident.firstAlertAt} to={incident.lastAlertAt} />
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Alert</TableHead>
                <TableHead>Severity</TableHead>
                <TableHead>Entities</TableHead>
                <TableHead>Grouped because</TableHead>
                <TableHead>Fired</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {incident.alerts.map((a) => (
                <TableRow key={a.id} data-testid="incident-alert">
                  <TableCell className="max-w-72">
                    <Link href={`/alerts/${a.id}`} className="font-medium hover:underline">
                      {a.title}
                    </Link>
                    <div className="text-xs text-muted-foreground">
                      {a.source} · {a.status}
                      {a.occurrenceCount > 1 ? ` · ×${a.occurrenceCount}` : ""}
                    </div>
                  </TableCell>
                  <TableCell><SeverityBadge severity={a.severity} /></TableCell>
                  <TableCell className="text-xs">
                    {[a.serviceName, a.environment, a.region, a.errorCode].filter(Boolean).join(" · ") || "—"}
                  </TableCell>
                  <TableCell className="max-w-80 text-xs text-muted-foreground">
                    {a.groupingReason ?? "—"}
                    {a.groupingScore != null && <span> ({a.groupingScore.toFixed(2)})</span>}
                  </TableCell>
                  <TableCell className="text-xs text-muted-foreground">{ago(a.alertTimestamp)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
          </CardHeader>
          <CardContent>
            {hiddenActions > 0 && (
              <p className="mb-3 text-xs text-muted-foreground">{hiddenActions} earlier entries not shown.</p>
            )}
            <ol className="space-y-3 border-l pl-4" data-testid="timeline">
              {foldAlertRuns(incident.actions).map((entry) =>
                entry.kind === "action" ? (
                  <li key={entry.action.id} className="relative text-sm">
                    <span className="absolute -left-[21px] top-1.5 size-2 rounded-full bg-primary" />
                    <div>
                      <span className="font-medium">{entry.action.type.replaceAll("_", " ")}</span>
                      <span className="text-muted-foreground"> · {entry.action.actor} · {utc(entry.action.createdAt)}</span>
                    </div>
                    {entry.action.message && <div className="whitespace-pre-wrap text-muted-foreground">{entry.action.message}</div>}
                    {mergedIncidentNumber(entry.action) != null && (
                      <Link href={`/incidents/INC-${mergedIncidentNumber(entry.action)}`} className="text-xs hover:underline">
                        open INC-{mergedIncidentNumber(entry.action)}
                      </Link>
                    )}
                  </li>
                ) : (
                  <li key={entry.key} className="relative text-sm">
                    <span className="absolute -left-[21px] top-1.5 size-2 rounded-full bg-muted-foreground" />
                    <details>
                      <summary className="cursor-pointer">
                        <span className="font-medium">{entry.count} alerts added</span>
                        <span className="text-muted-foreground"> · {utc(entry.first)} – {utc(entry.last)}</span>
                      </summary>
                      <ul className="mt-1 space-y-1 text-muted-foreground">
                        {entry.actions.map((action) => (
                          <li key={action.id}>{action.message}</li>
                        ))}
                      </ul>
                    </details>
                  </li>
                ),
              )}
            </ol>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Copilot</CardTitle>
            <CardDescription>Answers from the runbooks, in this incident’s context.</CardDescription>
          </CardHeader>
          <CardContent>
            <CopilotPanel incidentId={incident.id} placeholder="Ask about this incident, or leave empty for the matching runbook" />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
