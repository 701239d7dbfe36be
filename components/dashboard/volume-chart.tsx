import type { VolumeBucket } from "@/lib/dashboard/overview";

/** Stacked bars of alerts received per hour (firing over resolved), drawn as plain SVG on the server. */
export function VolumeChart({ buckets }: { buckets: VolumeBucket[] }) {
  const width = 720;
  const height = 140;
  const pad = { top: 8, bottom: 20, left: 28 };
  const max = Math.max(1, ...buckets.map((b) => b.firing + b.resolved));
  const barWidth = (width - pad.left) / buckets.length;
  const scale = (n: number) => (n / max) * (height - pad.top - pad.bottom);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="w-full" role="img" aria-label="Alerts received per hour, last 24 hours">
      <text x={0} y={pad.top + 8} className="fill-muted-foreground text-[10px]">{max}</text>
      <text x={0} y={height - pad.bottom} className="fill-muted-foreground text-[10px]">0</text>
      {buckets.map((b, i) => {
        const x = pad.left + i * barWidth + 1;
        const firingH = scale(b.firing);
        const resolvedH = scale(b.resolved);
        const base = height - pad.bottom;
        return (
          <g key={b.hour.toISOString()}>
            <title>{`${b.hour.toISOString().slice(11, 16)} UTC: ${b.firing} firing, ${b.resolved} resolved`}</title>
            <rect x={x} y={base - firingH} width={barWidth - 2} height={firingH} className="fill-sev-critical/80" />
            <rect x={x} y={base - firingH - resolvedH} width={barWidth - 2} height={resolvedH} className="fill-sev-low/70" />
            {i % 3 === 0 && (
              <text x={x} y={height - 6} className="fill-muted-foreground text-[9px]">
                {b.hour.toISOString().slice(11, 13)}h
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
