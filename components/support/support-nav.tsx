import Link from "next/link";
import { getTranslations } from "next-intl/server";

const links = [
  { href: "/support", key: "search" },
  { href: "/support/requests", key: "requests" },
] as const;

/**
 * The support area's own navigation, rendered by its pages (not a layout: a refused visitor
 * gets the bare "not found" page, which must not show staff links).
 */
export async function SupportNav({ current }: { current: (typeof links)[number]["href"] }) {
  const t = await getTranslations("support.nav");
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-slate-200 pb-3">
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={l.href === current ? "page" : undefined}
              className={l.href === current ? "font-semibold no-underline" : undefined}
            >
              {t(l.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
