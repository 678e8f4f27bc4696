"use client";
import type { CookieCategory } from "@/lib/catalog/vendors";
import type { BannerVendor } from "./cookie-banner";

const order: CookieCategory[] = ["functional", "analytics", "advertising"];

/** Per-category and per-vendor switches. Functional is always on; retired vendors have none. */
export function VendorChoices({
  vendors,
  categories,
  draft,
  onChange,
}: {
  vendors: BannerVendor[];
  categories: Record<CookieCategory, { title: string; description: string }>;
  draft: Record<string, boolean>;
  onChange: (next: Record<string, boolean>) => void;
}) {
  return (
    <div className="space-y-4">
      {order.map((category) => {
        const inCategory = vendors.filter((v) => v.category === category);
        const choosable = inCategory.filter((v) => !v.retired && category !== "functional");
        const allOn =
          category === "functional" ||
          (choosable.length > 0 && choosable.every((v) => draft[v.id]));
        const headingId = `cookie-cat-${category}`;
        return (
          <section
            key={category}
            aria-labelledby={headingId}
            className="rounded-md border border-slate-200 p-3"
          >
            <div className="flex items-start justify-between gap-3">
              <div>
                <h3 id={headingId} className="font-semibold">
                  {categories[category].title}
                </h3>
                <p className="text-sm text-slate-700">{categories[category].description}</p>
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
                All {categories[category].title.toLowerCase()}
              </label>
            </div>
            <ul className="mt-3 space-y-3">
              {inCategory.map((v) => (
                <li key={v.id} className="border-t border-slate-100 pt-2 text-sm">
                  <div className="flex items-start justify-between gap-3">
                    <div>
                      <p className="font-medium">
                        {v.name} <span className="font-normal text-slate-600">({v.company})</span>
                      </p>
                      <p className="text-slate-700">{v.purpose}</p>
                    </div>
                    {v.retired ? (
                      <span className="shrink-0 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
                        Retired
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
                          {category === "functional" || draft[v.id] ? "On" : "Off"}
                        </span>
                      </label>
                    )}
                  </div>
                  {v.retired && <p className="text-slate-700">{v.retired}</p>}
                  <p className="text-slate-600">
                    {v.cookies.length === 0
                      ? "Sets no cookies."
                      : `Cookies: ${v.cookies.map((c) => `${c.name} (${c.purpose.toLowerCase()}, ${c.lifetime})`).join("; ")}`}
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
