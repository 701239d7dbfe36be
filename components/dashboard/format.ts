/** "3m ago", "2h ago", "4d ago" — compact ages for lists. */
export function ago(date: Date | string | null | undefined, now = Date.now()): string {
  if (!date) return "—";
  const s = Math.max(0, Math.round((now - new Date(date).getTime()) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86_400)}d ago`;
}

export function utc(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return new Date(date).toISOString().replace("T", " ").slice(0, 19) + " UTC";
}
