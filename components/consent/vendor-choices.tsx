"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { CookieCategory } from "@/lib/catalog/vendors";
import type { BannerVendor } from "./cookie-banner";

const order: CookieCategory[] = ["functional", "analytics", "advertising"];

/**
 * Per-category switches, each category's vendors folded away until asked for (a dozen vendors
 * open at once made the settings thousands of pixels long). Functional is always on; retired
 * vendors are listed without a switch. Vendors are named by their display name, never an id.
 */
export function VendorChoices({
  vendors,
  draft,
  onChange,
}: {
  vendors: BannerVendor[];
  draft: Record<string, boolean>;
  onChange: (next: Record<string, boolean>) => void;
}) {
  const t = useTranslations("consent");
  const [open, setOpen] = useState<CookieCategory | null>(null);
  const baseId = useId();
  return (
    <div className="space-y-3">
      {order.map((category) => {
        const inCategory = vendors.filter((v) => v.category === category);
        const choosable = inCategory.filter((v) => !v.retired && category !== "functional");
        const allOn =
          category === "functional" ||
          (choosable.length > 0 && choosable.every((v) => draft[v.id]));
        const headingId = `${baseId}-${category}`;
        const listId = `${baseId}-${category}-vendors`;
        const expanded = open === category;
        return (
          <section
            key={category}
            aria-labelledby={headingId}
            className="rounded-md border border-slate-200 p-3"
          >
            <div className="flex items-start justify-between gap-3">
              <div>
                <h3 id={headingId} className="font-semibold">
                  {t(`categories.${category}.title`)}
                </h3>
                <p className="text-sm text-slate-700">{t(`categories.${category}.description`)}</p>
              </div>
              <label className="flex shrink-0 items-center gap-2 text-sm font-medium">
                <input
                  type="checkbox"
                  role="switch"
                  className="size-5"
                  checked={allOn}
                  disabled={category === "functional"}
                  onChange={(e) =>
                    onChange({
                      ...draft,
                      ...Object.fromEntries(choosable.map((v) => [v.id, e.target.checked])),
                    })
                  }
                />
                {t(`categories.${category}.all`)}
              </label>
            </div>
            <button
              type="button"
              aria-expanded={expanded}
              aria-controls={listId}
              onClick={() => setOpen(expanded ? null : category)}
              className="mt-2 inline-flex min-h-8 items-center gap-1 text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
            >
              <span aria-hidden="true">{expanded ? "▾" : "▸"}</span>
              {t(`categories.${category}.vendors`, { count: inCategory.length })}
            </button>
            <ul id={listId} hidden={!expanded} className="mt-2 space-y-3">
              {expanded &&
                inCategory.map((v) => (
                  <li key={v.id} className="border-t border-slate-100 pt-2 text-sm">
                    <div className="flex items-start justify-between gap-3">
                      <div className="min-w-0">
                        <p className="font-medium">
                          {v.name} <span className="font-normal text-slate-600">({v.company})</span>
                        </p>
                        <p className="text-slate-700">{v.purpose}</p>
                      </div>
                      {v.retired ? (
                        <span className="shrink-0 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
                          {t("settings.retired")}
                        </span>
                      ) : (
                        <label className="flex shrink-0 items-center gap-2">
                          <input
                            type="checkbox"
                            role="switch"
                            className="size-5"
                            checked={category === "functional" || draft[v.id] === true}
                            disabled={category === "functional"}
                            onChange={(e) => onChange({ ...draft, [v.id]: e.target.checked })}
                          />
                          <span className="sr-only">{v.name}</span>
                          <span aria-hidden="true">
                            {category === "functional" || draft[v.id]
                              ? t("settings.on")
                              : t("settings.off")}
                          </span>
                        </label>
                      )}
                    </div>
                    {v.retired && <p className="text-slate-700">{v.retired}</p>}
                    <p className="break-words text-slate-600">
                      {v.cookies.length === 0
                        ? t("settings.noCookies")
                        : t("settings.cookies", {
                            list: v.cookies
                              .map((c) => `${c.name} (${c.purpose.toLowerCase()}, ${c.lifetime})`)
                              .join("; "),
                          })}
                    </p>
                  </li>
                ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
