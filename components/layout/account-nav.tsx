"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { currentSection, overviewSection, sectionGroups, type Section } from "./account-sections";

/**
 * The signed-in area's section navigation: a "Sections" menu on phones (closed by default, so
 * the page's own content is on the first screen), a sidebar on wide screens. The current page
 * is marked for eyes (bar and weight) and for screen readers (aria-current="page").
 *
 * The layout renders both and shows one (display: none hides the other from everyone): the
 * phone menu comes before the content, the sidebar after it in the tab order, so on a desktop
 * the page's own first link (on the overview, "Get a copy of your data") is a few tabs away,
 * not behind twenty menu links.
 */
export function AccountNav({ variant }: { variant: "phone" | "sidebar" }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const current = currentSection(pathname);
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    // Choosing a page in the phone menu closes it.
    setShownFor(pathname);
    setOpen(false);
  }
  const listId = useId();

  const link = (s: Section) => {
    const here = s.key === current;
    return (
      <li key={s.key}>
        <Link
          href={s.href}
          aria-current={here ? "page" : undefined}
          className={
            here
              ? "block border-l-4 border-brand-700 bg-brand-50 py-1.5 pr-2 pl-3 font-semibold text-slate-950 no-underline"
              : "block border-l-4 border-transparent py-1.5 pr-2 pl-3 text-slate-800 no-underline hover:border-slate-300 hover:bg-slate-100 hover:underline"
          }
        >
          {t(`sections.${s.key}`)}
        </Link>
      </li>
    );
  };

  return (
    <nav aria-label={t("label")} className="text-sm">
      {variant === "phone" && (
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
          className="flex w-full items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-left font-medium text-slate-900"
        >
          <span>
            {t("menu")}
            {current && (
              <>
                <span aria-hidden="true"> · </span>
                <span className="font-normal text-slate-700">{t(`sections.${current}`)}</span>
              </>
            )}
          </span>
          <span aria-hidden="true">{open ? "▲" : "▼"}</span>
        </button>
      )}
      <div
        id={listId}
        hidden={variant === "phone" && !open}
        className={
          variant === "phone" ? "mt-2 rounded-md border border-slate-200 bg-white py-2" : undefined
        }
      >
        <ul>{link(overviewSection)}</ul>
        {sectionGroups.map((g) => (
          <div key={g.key} className="mt-3">
            {/* Not a heading: the overview's groups have the same names as real headings. */}
            <p
              id={`${listId}-${g.key}`}
              className="px-3 text-xs font-semibold tracking-wide text-slate-700 uppercase"
            >
              {t(`groups.${g.key}`)}
            </p>
            <ul aria-labelledby={`${listId}-${g.key}`} className="mt-1">
              {g.sections.map(link)}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
