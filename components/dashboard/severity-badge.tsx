import { Badge } from "@/components/ui/badge";
import type { Severity } from "@/lib/severity";

export function SeverityBadge({ severity }: { severity: Severity | null | undefined }) {
  if (!severity) return <Badge variant="outline">unclassified</Badge>;
  return <Badge variant={severity}>{severity}</Badge>;
}

const statusStyles: Record<string, string> = {
  open: "border-sev-critical text-sev-critical",
  investigating: "border-sev-high text-sev-high",
  resolved: "border-sev-low text-sev-low",
  firing: "border-sev-critical text-sev-critical",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="outline" className={statusStyles[status]}>
      {status}
    </Badge>
  );
}
