/** A native select for GET filter forms: "any" first (empty value), then the options. */
export function FilterSelect({
  name,
  label,
  defaultValue,
  options,
  any,
}: {
  name: string;
  label: string;
  defaultValue: string;
  options: readonly { value: string; label: string }[];
  /** Text of the empty "no filter" option; omit when a value is required. */
  any?: string;
}) {
  return (
    <select name={name} defaultValue={defaultValue} className="h-9 rounded-md border bg-background px-2 text-sm" aria-label={label}>
      {any !== undefined && <option value="">{any}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Options whose label is the value itself. */
export const plainOptions = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
