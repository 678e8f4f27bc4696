import { formatCursor, parseCursor } from "@/lib/cursor";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One string value of a query parameter, or "" when it is missing or repeated. */
export function param(params: Record<string, string | string[] | undefined>, name: string): string {
  const v = params[name];
  return typeof v === "string" ? v : "";
}

/**
 * The page cursors of a list page's URL, `?after=` (older) and `?before=` (newer): each kept only
 * when it is a well-formed cursor (lib/cursor.ts), so junk in the URL shows the first page. The
 * list function checks the id kind again, so a cursor from another list is ignored too.
 */
export function pageParams(params: Record<string, string | string[] | undefined>): {
  after?: string;
  before?: string;
} {
  const read = (name: string) => {
    const c = parseCursor(param(params, name));
    return c ? formatCursor(c) : undefined;
  };
  const after = read("after");
  const before = after ? undefined : read("before");
  return { ...(after && { after }), ...(before && { before }) };
}
