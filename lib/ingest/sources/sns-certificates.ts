import { X509Certificate } from "node:crypto";

/**
 * Downloads SNS signing certificates and confirms subscriptions, only ever from Amazon SNS's own hosts:
 * an attacker controls every field of a forged envelope, including SigningCertURL and SubscribeURL, so
 * a URL outside the allow-list is refused before any request is made.
 */

const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/** https, no credentials or custom port, host `sns.<region>.amazonaws.com` (or `.amazonaws.com.cn`). */
export function isAwsSnsUrl(raw: string | undefined): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === "https:" && url.port === "" && !url.username && !url.password && SNS_HOST.test(url.hostname);
}

export function isAwsSnsCertificateUrl(raw: string | undefined): boolean {
  return isAwsSnsUrl(raw) && new URL(raw!).pathname.endsWith(".pem");
}

/** How an allow-listed SNS URL is fetched. Replaceable for tests (which cannot reach AWS), never the allow-list. */
export type SnsFetcher = (url: string) => Promise<Response>;

const FETCH_TIMEOUT_MS = 5_000;
const MAX_CERT_BYTES = 64 * 1024;
const MAX_CACHED = 32;

const defaultFetcher: SnsFetcher = (url) => fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "error" });
let fetcher: SnsFetcher = defaultFetcher;

/** Test-only: route allow-listed SNS URLs to a local fake. Pass undefined to restore the real network fetch. */
export function setSnsFetcher(replacement: SnsFetcher | undefined): void {
  fetcher = replacement ?? defaultFetcher;
  certificates.clear();
}

// Cached by URL: SNS signs with a handful of long-lived certificates, so nearly every message is a hit.
const certificates = new Map<string, Promise<X509Certificate>>();

export class SnsCertificateError extends Error {}

/** Attacker-supplied URLs end up in error messages and logs: bounded. */
const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** The certificate at `url`, from the cache or downloaded once. Rejects URLs off the allow-list without fetching. */
export function signingCertificate(url: string): Promise<X509Certificate> {
  if (!isAwsSnsCertificateUrl(url)) {
    return Promise.reject(new SnsCertificateError(`SigningCertURL is not an Amazon SNS certificate URL: ${clip(url)}`));
  }
  const cached = certificates.get(url);
  if (cached) return cached;
  const pending = download(url);
  if (certificates.size >= MAX_CACHED) certificates.delete(certificates.keys().next().value!);
  certificates.set(url, pending);
  // A failed download is not cached: the next message retries.
  pending.catch(() => certificates.delete(url));
  return pending;
}

async function download(url: string): Promise<X509Certificate> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (error) {
    throw new SnsCertificateError(`could not download the SNS signing certificate: ${(error as Error).message}`);
  }
  if (!response.ok) throw new SnsCertificateError(`SNS signing certificate download answered HTTP ${response.status}`);
  const pem = await response.text();
  if (pem.length > MAX_CERT_BYTES) throw new SnsCertificateError("SNS signing certificate is implausibly large");
  try {
    return new X509Certificate(pem);
  } catch {
    throw new SnsCertificateError("SNS signing certificate is not a valid PEM certificate");
  }
}

/** Confirms a subscription by GETting its SubscribeURL, which must be an SNS host. */
export async function confirmSnsSubscription(subscribeUrl: string): Promise<void> {
  if (!isAwsSnsUrl(subscribeUrl)) throw new SnsCertificateError(`SubscribeURL is not an Amazon SNS URL: ${clip(subscribeUrl)}`);
  const response = await fetcher(subscribeUrl);
  if (!response.ok) throw new SnsCertificateError(`SNS subscription confirmation answered HTTP ${response.status}`);
}

/** For tests and diagnostics: how many certificates are cached. */
export function cachedCertificateCount(): number {
  return certificates.size;
}
