/**
 * Minimal YAML front matter reader for runbooks: `key: value`, `key: [a, b]` and `key:` followed by
 * `- item` lines. Enough for title/service/team/tags/url; anything fancier is kept as a string.
 */

export type FrontMatter = Record<string, string | string[]>;

export interface SplitDocument {
  frontMatter: FrontMatter;
  body: string;
}

function unquote(v: string): string {
  const t = v.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
}

export function splitFrontMatter(text: string): SplitDocument {
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const m = /^---\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(src);
  if (!m) return { frontMatter: {}, body: src };
  const fm: FrontMatter = {};
  let listKey: string | undefined;
  for (const line of m[1].split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    const item = /^\s+-\s+(.*)$/.exec(line) ?? (listKey ? /^-\s+(.*)$/.exec(line) : null);
    if (item && listKey) {
      const cur = fm[listKey];
      fm[listKey] = [...(Array.isArray(cur) ? cur : []), unquote(item[1])];
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1].toLowerCase();
    const value = kv[2].trim();
    if (value === "") {
      listKey = key;
      fm[key] = [];
    } else if (value.startsWith("[") && value.endsWith("]")) {
      listKey = undefined;
      fm[key] = value
        .slice(1, -1)
        .split(",")
        .map(unquote)
        .filter(Boolean);
    } else {
      listKey = undefined;
      fm[key] = unquote(value);
    }
  }
  return { frontMatter: fm, body: src.slice(m[0].length) };
}

export function fmString(fm: FrontMatter, key: string): string | undefined {
  const v = fm[key];
  if (Array.isArray(v)) return v.length ? v.join(", ") : undefined;
  return v || undefined;
}

export function fmList(fm: FrontMatter, key: string): string[] {
  const v = fm[key];
  if (Array.isArray(v)) return v;
  return v ? v.split(",").map((s) => s.trim()).filter(Boolean) : [];
}
