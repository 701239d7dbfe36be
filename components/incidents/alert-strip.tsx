import type { Severity } from "@/lib/severity";

interface StripAlert {
  id: string;
  title: string;
  alertTimestamp: Date;
  severity: Severity | null;
  status: string;
}

const fill: Record<Severity, string> = {
  critical: "fill-sev-critical",
  high: "fill-sev-high",
  medium: "fill-sev-medium",
  low: "fill-sev-low",
  info: "fill-sev-info",
};

/** When each alert fired across the incident's span (one dot per alert, coloured by severity). */
export function AlertStrip({ alerts, from, to }: { alerts: StripAlert[]; from: Date; to: Date }) {
  const width = 720;
  const height = 48;
  const span = Math.max(60_000, to.getTime() - from.getTime());
  const x = (d: Date) => 12 + ((d.getTime() - from.getTime()) / span) * (width - 24);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="w-full" role="img" aria-label="Alert arrival timeline">
      <line x1={12} x2={width - 12} y1={24} y2={24} className="stroke-border" strokeWidth={2} />
      {alerts.map((a, i) => (
        <circle key={a.id} cx={x(a.alertTimestamp)} cy={24 + ((i % 3) - 1) * 8} r={5} className={`${a.severity ? fill[a.severity] : "fill-muted-foreground"} ${a.status === "resolved" ? "opacity-40" : ""}`}>
          <title>{`${a.alertTimestamp.toISOString().slice(11, 19)} UTC — ${a.title}`}</title>
        </circle>
      ))}
      <text x={12} y={46} className="fill-muted-foreground text-[10px]">{from.toISOString().slice(11, 16)} UTC</text>
      <text x={width - 12} y={46} textAnchor="end" className="fill-muted-foreground text-[10px]">{to.toISOString().slice(11, 16)} UTC</text>
    </svg>
  );
}
