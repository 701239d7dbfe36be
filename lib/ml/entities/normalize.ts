/** Canonical forms, so "prd", "PROD" and "production" group together. */

const ENVIRONMENTS: Record<string, string> = {
  prod: "production",
  prd: "production",
  production: "production",
  live: "production",
  staging: "staging",
  stage: "staging",
  stg: "staging",
  preprod: "staging",
  "pre-prod": "staging",
  dev: "development",
  develop: "development",
  development: "development",
  qa: "qa",
  test: "qa",
  uat: "qa",
  sandbox: "sandbox",
  sbx: "sandbox",
  canary: "canary",
  dr: "dr",
};

export function normalizeEnvironment(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  return ENVIRONMENTS[v];
}

/** Words in free text that name an environment (not "test" or "live": too common in prose). */
export const TEXT_ENVIRONMENT_WORDS = ["prod", "prd", "production", "staging", "stage", "stg", "preprod", "pre-prod", "dev", "development", "uat", "sandbox", "canary"];

/** us-east-1a → us-east-1, europe-west1-b → europe-west1. */
export function regionFromZone(zone: string): string {
  const z = zone.trim().toLowerCase();
  const aws = /^([a-z]{2}(?:-gov)?-[a-z]+-\d)[a-z]$/.exec(z);
  if (aws) return aws[1];
  const gcp = /^([a-z]+-[a-z]+\d)-[a-z]$/.exec(z);
  if (gcp) return gcp[1];
  return z;
}

/** "10.0.3.17:9100" → "10.0.3.17"; keeps IPv6 and plain names. */
export function stripPort(hostPort: string): string {
  const m = /^([^:\s]+):\d{1,5}$/.exec(hostPort.trim());
  return m ? m[1] : hostPort.trim();
}
