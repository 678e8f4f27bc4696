import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Page } from "@/lib/dal/data/keyset";

/** Newer/older links for a keyset page; other query parameters (filters) are kept. */
export async function Pager({
  page,
  path,
  params = {},
  label,
  words: given,
}: {
  page: Pick<Page<unknown>, "next" | "prev">;
  path: string;
  params?: Record<string, string | undefined>;
  label: string;
  /** The links' text; lists in ascending order (a queue by due date) say so. */
  words?: { prev: string; next: string };
}) {
  const t = await getTranslations("data.pager");
  // The arrows are added here, not in the messages: every message also travels to the browser
  // (NextIntlClientProvider), and a page's HTML must not seem to hold a "← Newer" link it lacks.
  const words = given ?? { prev: `← ${t("newer")}`, next: `${t("older")} →` };
  const href = (key: "after" | "before", cursor: string) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set(key, cursor);
    return `${path}?${q}`;
  };
  if (!page.next && !page.prev) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap gap-4 text-sm">
      {page.prev && (
        <Link href={href("before", page.prev)} rel="prev">
          {words.prev}
        </Link>
      )}
      {page.next && (
        <Link href={href("after", page.next)} rel="next">
          {words.next}
        </Link>
      )}
    </nav>
  );
}
