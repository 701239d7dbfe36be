import { db } from "@/lib/db";

// Reads the database on every request.
export const dynamic = "force-dynamic";

export default async function Home() {
  const [alerts, openIncidents] = await Promise.all([
    db().alert.count(),
    db().incident.count({ where: { status: { not: "resolved" } } }),
  ]);
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">OpsRelay</h1>
      <p className="mt-2 text-muted-foreground">Incident triage for on-call engineers.</p>
      <dl className="mt-6 grid grid-cols-2 gap-4">
        <div className="rounded-lg border bg-card p-4">
          <dt className="text-sm text-muted-foreground">Alerts received</dt>
          <dd className="text-3xl font-semibold" data-testid="alert-count">{alerts}</dd>
        </div>
        <div className="rounded-lg border bg-card p-4">
          <dt className="text-sm text-muted-foreground">Open incidents</dt>
          <dd className="text-3xl font-semibold" data-testid="open-incident-count">{openIncidents}</dd>
        </div>
      </dl>
    </main>
  );
}
