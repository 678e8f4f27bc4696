export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One string value of a query parameter, or "" when it is missing or repeated. */
export function param(params: Record<string, string | string[] | undefined>, name: string): string {
  const v = params[name];
  return typeof v === "string" ? v : "";
}
