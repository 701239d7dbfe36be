import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "OpsRelay",
  description: "Incident triage: alerts in, incidents out, runbook answers on hand.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
