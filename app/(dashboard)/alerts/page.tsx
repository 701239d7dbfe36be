import Link from "next/link";
import { AutoRefresh } from "@/components/dashboard/auto-refresh";
import { FilterSelect, plainOptions } from "@/components/dashboard/filter-select";
import { ago } from "@/components/dashboard/format";
import { SeverityBadge, StatusBadge } from "@/components/dashboard/severity-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listAlerts, listAlertsQuerySchema, PROCESSING_STATES } from "@/lib/alerts/queries";
import { SOURCES } from "@/lib/ingest/types";

export const dynamic = "force-dynamic";

const stateStyle: Record<string, string> = {
  pending: "text-muted-foreground",
  processing: "text-sev-low",
  processed: "text-foreground",
  degraded: "text-sev-high",
  failed: "text-sev-critical",
  unmapped: "text-sev-critical",
};

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const raw = await searchParams;
  const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string" && v !== ""));
  const parsed = listAlertsQuerySchema.safeParse(clean);
  if (!parsed.success) {
    return <p className="text-destructive">Invalid filter: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}</p>;
  }
  const page = await listAlerts(parsed.data);
  const next = new URLSearchParams({ ...clean, cursor: page.nextCursor ?? "" });

  return (
    <div className="space-y-4">
      <AutoRefresh seconds={5} />
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Alerts</h1>
        <span className="text-sm text-muted-foreground">live stream, newest first</span>
      </div>
      <form className="flex flex-wrap items-end gap-2" action="/alerts">
        <FilterSelect name="state" label="Processing state" defaultValue={parsed.data.state ?? ""} options={plainOptions(PROCESSING_STATES)} any="any state" />
        <FilterSelect name="source" label="Source" defaultValue={parsed.data.source ?? ""} options={plainOptions(SOURCES)} any="any source" />
        <Input name="service" placeholder="service" defaultValue={parsed.data.service ?? ""} className="w-40" aria-label="Service" />
        <Button type="submit" variant="outline">Filter</Button>
      </form>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Alert</TableHead>
            <TableHead>Source</TableHead>
            <TableHead>Severity</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Triage</TableHead>
            <TableHead>Service</TableHead>
            <TableHead>Received</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.items.length === 0 && (
            <TableRow>
              <TableCell colSpan={7} className="py-8 text-center text-muted-foreground">No alerts match.</TableCell>
            </TableRow>
          )}
          {page.items.map((a) => (
            <TableRow key={a.id} data-testid="alert-row">
              <TableCell className="max-w-96">
                <Link href={`/alerts/${a.id}`} className="font-medium hover:underline">{a.title}</Link>
                {a.occurrenceCount > 1 && <span className="text-xs text-muted-foreground"> ×{a.occurrenceCount}</span>}
              </TableCell>
              <TableCell>{a.source}</TableCell>
              <TableCell><SeverityBadge severity={a.severity ?? a.sourceSeverity} /></TableCell>
              <TableCell><StatusBadge status={a.status} /></TableCell>
              <TableCell>
                <Badge variant="outline" className={stateStyle[a.processingState]} title={a.processingError ?? undefined}>
                  {a.processingState}
                </Badge>
              </TableCell>
              <TableCell className="text-muted-foreground">{a.serviceName ?? "—"}</TableCell>
              <TableCell className="text-muted-foreground">{ago(a.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {page.nextCursor && (
        <div className="flex justify-end">
          <Button asChild variant="outline">
            <Link href={`/alerts?${next}`}>Older →</Link>
          </Button>
        </div>
      )}
    </div>
  );
}
