/** A small seeded PRNG (mulberry32): the same --seed always yields the same samples. */
export class Rng {
  private state: number;

  constructor(seed: number | string) {
    this.state = typeof seed === "number" ? seed >>> 0 : hashSeed(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number, digits = 1): number {
    return Number((min + this.next() * (max - min)).toFixed(digits));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /** Kubernetes-style pod suffix: "7d9c8b6f5-x2k4q". */
  podSuffix(): string {
    const alnum = "bcdfghjklmnpqrstvwxz2456789";
    const part = (n: number) => Array.from({ length: n }, () => alnum[Math.floor(this.next() * alnum.length)]).join("");
    return `${this.hex(9)}-${part(5)}`;
  }

  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[this.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** A decimal id longer than 2^53 (Datadog event ids). */
  bigId(): bigint {
    return BigInt(`${this.int(1, 9)}${Array.from({ length: 18 }, () => this.int(0, 9)).join("")}`);
  }
}

function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
