import { randomBytes } from "node:crypto";

/** Changing this changes every generated name, serial and number: the demo data is pinned to it. */
export const SEED = 20_260_417;

/** Mixes integers into one 32-bit seed (murmur3 finaliser), so job k gets its own stream. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/**
 * mulberry32. Faker is too slow for millions of rows, and a reseedable generator lets each pass
 * over the print jobs (jobs, materials, status events, samples) regenerate job k identically
 * instead of holding a million plans in memory.
 */
export class Rng {
  private state = 0;

  constructor(seed = SEED) {
    this.reseed(seed);
  }

  reseed(seed: number): this {
    this.state = seed >>> 0;
    return this;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [value, w] of items) {
      x -= w;
      if (x < 0) return value;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  hex(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += HEX[Math.floor(this.next() * 16)];
    return out;
  }

  /** Upper-case letters and digits without the look-alikes (0/O, 1/I/L). */
  code(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += this.pick(CODE_CHARS);
    return out;
  }
}

const HEX = "0123456789abcdef";
const CODE_CHARS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".split("");

/**
 * UUIDs for bulk rows, made client-side so dependent rows (a job's materials, samples) can point
 * at them without a round trip. A random prefix per call keeps separate runs apart; the counter
 * suffix keeps the primary-key index append-only, which COPY of a million rows appreciates.
 */
export function sequentialIds(): (n: number) => string {
  const r = randomBytes(10).toString("hex");
  const variant = "89ab"[Number.parseInt(r.charAt(12), 16) % 4];
  const prefix =
    `${r.slice(0, 8)}-${r.slice(8, 12)}-4${r.slice(13, 16)}-` + `${variant}${r.slice(16, 19)}-`;
  return (n) => prefix + n.toString(16).padStart(12, "0");
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Every seeded time is `now - offset`: the content is fixed, the data always looks recent. */
export type Clock = { now: number; ago(ms: number): Date; iso(agoMs: number): string };

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

export function clockAt(now: number): Clock {
  // Date#toISOString costs ~2 µs; with four million timestamps in a big seed that is seconds.
  // Rows come roughly in time order, so the date part is nearly always the cached one.
  let cachedDay = Number.NaN;
  let prefix = "";
  const iso = (agoMs: number) => {
    const ms = now - Math.round(agoMs);
    const day = Math.floor(ms / DAY);
    if (day !== cachedDay) {
      cachedDay = day;
      prefix = new Date(day * DAY).toISOString().slice(0, 11);
    }
    let rest = ms - day * DAY;
    const h = Math.floor(rest / HOUR);
    rest -= h * HOUR;
    const m = Math.floor(rest / MINUTE);
    rest -= m * MINUTE;
    const s = Math.floor(rest / SECOND);
    return `${prefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(rest - s * SECOND)}Z`;
  };
  return { now, ago: (ms) => new Date(now - Math.round(ms)), iso };
}
