/**
 * JSON text with bigint values written as bare integers: real platforms send ids beyond 2^53
 * unquoted (Datadog's $ID), which JSON.stringify cannot produce.
 */
export function toJsonText(value: unknown, indent?: number): string {
  const marker = "\u0000bigint:";
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${marker}${v.toString()}` : v), indent);
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, "$1");
}
