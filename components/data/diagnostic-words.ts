/**
 * A diagnostics bundle in a person's terms: who sent it and the few fields that say what
 * happened, picked from the raw payload (which the page keeps one click away). Pure: unit
 * tested, no server imports.
 */

export type DiagnosticSource =
  { kind: "cura" } | { kind: "printer"; serial: string } | { kind: "other"; text: string };

/** "cura" → Cura; "printer:S5-0001" → a printer by serial; anything else as sent. */
export function diagnosticSource(source: string): DiagnosticSource {
  if (source.toLowerCase() === "cura") return { kind: "cura" };
  const m = /^printer:(.+)$/i.exec(source);
  if (m) return { kind: "printer", serial: m[1]! };
  return { kind: "other", text: source };
}

/** The fields a person cares about first, per kind of bundle, in reading order. */
const FIRST: Record<string, string[]> = {
  crash_report: ["exception", "active_machine", "os", "gpu"],
  telemetry: ["print_hours", "prints_total", "uptime_hours", "network"],
  log_bundle: ["reason", "files", "lines"],
};

export type Highlight = { key: string; value: string | number | string[] };

/**
 * Up to `max` top-level facts from a payload: the kind's known fields first, then other
 * short values. Nested objects and long lists (tracebacks) stay in the raw data only.
 */
export function payloadHighlights(
  kind: string,
  payload: Record<string, unknown>,
  max = 6,
): Highlight[] {
  const simple = (v: unknown): Highlight["value"] | null => {
    if (typeof v === "string") return v.length <= 200 ? v : null;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "boolean") return String(v);
    if (Array.isArray(v) && v.length <= 8 && v.every((x) => typeof x === "string")) {
      return v as string[];
    }
    return null;
  };
  const keys = [
    ...(FIRST[kind] ?? []).filter((k) => k in payload),
    ...Object.keys(payload).filter((k) => !(FIRST[kind] ?? []).includes(k)),
  ];
  const out: Highlight[] = [];
  for (const key of keys) {
    const value = simple(payload[key]);
    if (value !== null) out.push({ key, value });
    if (out.length >= max) break;
  }
  return out;
}

/** "print_hours" → "Print hours": a key we have no words for, readable. */
export function humanKey(key: string): string {
  const words = key.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
