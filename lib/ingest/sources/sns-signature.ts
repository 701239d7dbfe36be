import { createVerify, X509Certificate } from "node:crypto";

/**
 * Amazon SNS message signatures (HTTP/S delivery), as AWS documents them: the signed string is a fixed,
 * type-dependent list of envelope keys, each written as "Key\nValue\n" in that order (a key absent from
 * the envelope is skipped); SignatureVersion 1 signs it with SHA1withRSA, 2 with SHA256withRSA.
 */

export type SnsMessageType = "Notification" | "SubscriptionConfirmation" | "UnsubscribeConfirmation";

export interface SnsEnvelope {
  Type: SnsMessageType | string;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  Subject?: string | null;
  Token?: string;
  SubscribeURL?: string;
  UnsubscribeURL?: string;
  SignatureVersion?: string;
  Signature?: string;
  SigningCertURL?: string;
}

const NOTIFICATION_KEYS = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"] as const;
const SUBSCRIPTION_KEYS = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"] as const;

/** The exact string SNS signs for this envelope, or undefined for a message type SNS does not sign this way. */
export function snsStringToSign(envelope: SnsEnvelope): string | undefined {
  const keys =
    envelope.Type === "Notification"
      ? NOTIFICATION_KEYS
      : envelope.Type === "SubscriptionConfirmation" || envelope.Type === "UnsubscribeConfirmation"
        ? SUBSCRIPTION_KEYS
        : undefined;
  if (!keys) return undefined;
  let out = "";
  for (const key of keys) {
    const value = envelope[key];
    // SNS omits Subject when the publisher set none; some encoders write it as null.
    if (value === undefined || value === null) continue;
    out += `${key}\n${value}\n`;
  }
  return out;
}

export function snsSignatureAlgorithm(version: string | undefined): "RSA-SHA1" | "RSA-SHA256" | undefined {
  if (version === "1") return "RSA-SHA1";
  if (version === "2") return "RSA-SHA256";
  return undefined;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Checks the envelope's Signature against the signing certificate (PEM or parsed). Never throws. */
export function verifySnsSignature(envelope: SnsEnvelope, certificate: X509Certificate, now = new Date()): SignatureCheck {
  const algorithm = snsSignatureAlgorithm(envelope.SignatureVersion);
  if (!algorithm) return { ok: false, reason: `unsupported SNS SignatureVersion ${JSON.stringify(envelope.SignatureVersion)}` };
  if (!envelope.Signature) return { ok: false, reason: "SNS message has no Signature" };
  const text = snsStringToSign(envelope);
  if (text === undefined) return { ok: false, reason: `unknown SNS message Type ${JSON.stringify(envelope.Type)}` };
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo)) {
    return { ok: false, reason: "SNS signing certificate is not valid at this time" };
  }
  try {
    const verifier = createVerify(algorithm);
    verifier.update(text, "utf8");
    if (verifier.verify(certificate.publicKey, envelope.Signature, "base64")) return { ok: true };
  } catch {
    // A malformed key or signature is simply a failed verification.
  }
  return { ok: false, reason: "SNS signature does not match the message" };
}
