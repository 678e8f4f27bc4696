"use client";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatNumber } from "./format";

/** A profile's settings with a search box (by name or value). */
export function SettingsViewer({ settings }: { settings: [string, string][] }) {
  const t = useTranslations("data.settings");
  const locale = useLocale() === "nl" ? "nl" : "en";
  const [q, setQ] = useState("");
  const id = useId();
  const needle = q.trim().toLowerCase();
  const shown = needle
    ? settings.filter(
        ([k, v]) => k.toLowerCase().includes(needle) || v.toLowerCase().includes(needle),
      )
    : settings;
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {t("search")}
        </label>
        <input
          id={id}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base sm:max-w-sm sm:text-sm"
        />
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        {t("shown", {
          shown: formatNumber(shown.length, locale),
          total: formatNumber(settings.length, locale),
        })}
      </p>
      <div className="relative min-w-0">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1 pr-3">
                {t("setting")}
              </th>
              <th scope="col" className="py-1">
                {t("value")}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map(([k, v]) => (
              <tr key={k} className="border-b border-slate-100">
                <td className="py-1 pr-3 font-mono break-all">{k}</td>
                <td className="py-1 font-mono break-all">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
