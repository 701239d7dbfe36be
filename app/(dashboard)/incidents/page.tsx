import Link from "next/link";
import { AutoRefresh } from "@/components/dashboard/auto-refresh";
import { FilterSelect, plainOptions } from "@/components/dashboard/filter-select";
import { ago } from "@/components/dashboard/format";
import { SeverityBadge, StatusBadge } from "@/components/dashboard/severity-badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { countIncidentsByStatus, incidentListQuerySchema, INCIDENT_SORTS, listIncidents } from "@/lib/incidents/queries";
import { SEVERITIES } from "@/lib/severity";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function IncidentsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const parsed = incidentListQuerySchema.safeParse({ status: "open,investigating", ...raw });
  if (!parsed.success) {
    return <p className="text-destructive">Invalid filter: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}</p>;
  }
  const query = parsed.data;
  const [page, counts] = await Promise.all([listIncidents(query), countIncidentsByStatus(query)]);
  const statusParam = typeof raw.status === "string" ? raw.status : "open,investigating";
  const link = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...raw, cursor: undefined, ...changes })) if (typeof v === "string" && v) params.set(k, v);
    return `/incidents?${params}`;
  };

  return (
    <div className="space-y-4">
      <AutoRefresh seconds={5} />
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Incidents</h1>
        <span className="text-sm text-muted-foreground">live · refreshes every 5 s</span>
      </div>

      <nav className="flex gap-2 text-sm" aria-label="Status">
        {[
          ["open,investigating", `Active (${counts.open + counts.investigating})`],
          ["open", `Open (${counts.open})`],
          ["investigating", `Investigating (${counts.investigating})`],
          ["resolved", `Resolved (${counts.resolved})`],
        ].map(([value, label]) => (
          <Link
            key={value}
            href={link({ status: value })}
            className={`rounded-md border px-3 py-1 ${statusParam === value ? "bg-accent font-medium" : "text-muted-foreground"}`}
          >
            {label}
          </Link>
        ))}
      </nav>

      <form className="flex flex-wrap items-end gap-2" action="/incidents">
        <input type="hidden" name="status" value={statusParam} />
        <Input name="q" placeholder="Search title, summary, INC-42…" defaultValue={query.q ?? ""} className="w-64" aria-label="Search" />
        <Input name="service" placeholder="service" defaultValue={query.service ?? ""} className="w-40" aria-label="Service" />
        <Input name="environment" placeholder="environment" defaultValue={query.environment ?? ""} className="w-32" aria-label="Environment" />
        <FilterSelect name="severity" label="Severity" defaultValue={query.severity.join(",")} options={plainOptions(SEVERITIES)} any="any severity" />
        <FilterSelect name="sort" label="Sort" defaultValue={query.sort} options={INCIDENT_SORTS.map((s) => ({ value: s, label: `sort: ${s.replace("_", " ")}` }))} />
        <Button type="submit" variant="outline">Filter</Button>
      </form>

      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Incident</TableHead>
            <TableHead>Severity</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Services</TableHead>
            <TableHead className="text-right">Alerts</TableHead>
            <TableHead>Age</TableHead>
            <TableHead>Last alert</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.items.length === 0 && (
            <TableRow>
              <TableCell colSpan={7} className="py-8 text-center text-muted-foreground">
                No incidents match.
              </TableCell>
            </TableRow>
          )}
          {page.items.map((i) => (
            <TableRow key={i.id} data-testid="incident-row">
              <TableCell>
                <Link href={`/incidents/${i.id}`} className="font-medium hover:underline">
                  <span className="text-muted-foreground">INC-{i.number}</span> {i.title}
                </Link>
              </TableCell>
              <TableCell><SeverityBadge severity={i.severity} /></TableCell>
              <TableCell><StatusBadge status={i.status} /></TableCell>
              <TableCell className="max-w-56 truncate text-muted-foreground">{i.affectedServices.join(", ") || "—"}</TableCell>
              <TableCell className="text-right tabular-nums">
                {i.openAlertCount}/{i.alertCount}
              </TableCell>
              <TableCell className="text-muted-foreground">{ago(i.firstAlertAt)}</TableCell>
              <TableCell className="text-muted-foreground">{ago(i.lastAlertAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {page.nextCursor && (
        <div className="flex justify-end">
          <Button asChild variant="outline">
            <Link href={`${link({})}&cursor=${encodeURIComponent(page.nextCursor)}`}>Next page →</Link>
          </Button>
        </div>
      )}
    </div>
  );
}
