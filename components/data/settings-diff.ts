export type SettingChange = { key: string; before: string | null; after: string | null };

type Settings = Record<string, string | number | boolean>;

/** Settings that differ between two versions: changed, added (before null) or removed (after null). */
export function diffSettings(a: Settings, b: Settings): SettingChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const show = (v: Settings[string] | undefined) => (v === undefined ? null : String(v));
  return keys
    .map((key) => ({ key, before: show(a[key]), after: show(b[key]) }))
    .filter((c) => c.before !== c.after);
}
