import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getLocalizedCategories } from "@/lib/catalog/i18n";
import { organisation } from "@/lib/organisation";

const offers = ["see", "take", "decide", "correct", "know"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public.home");
  return { title: { absolute: t("metaTitle", { product: organisation.productName }) } };
}

export default async function HomePage() {
  const t = await getTranslations("public.home");
  const categories = getLocalizedCategories(await getLocale());
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight break-words sm:text-4xl">
          {t("title", { company: organisation.shortName })}
        </h1>
        <p className="max-w-2xl text-lg text-slate-700">
          {t("lead", { company: organisation.name })}
        </p>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/sign-in"
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800"
          >
            {t("signIn")}
          </Link>
          <Link
            href="/policy"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 no-underline"
          >
            {t("readPolicy")}
          </Link>
        </div>
        <p className="text-sm text-slate-700">
          {t.rich("noAccount", {
            link: (chunks) => <Link href="/requests/new">{chunks}</Link>,
          })}
        </p>
      </section>

      <section aria-labelledby="offers" className="space-y-4">
        <h2 id="offers" className="text-xl font-semibold">
          {t("offersTitle")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {offers.map((o) => (
            <li key={o} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold">{t(`offers.${o}.title`)}</h3>
              <p className="mt-1 text-sm text-slate-700">
                {t(`offers.${o}.body`, { days: organisation.responseDeadlineDays })}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="kinds" className="space-y-3">
        <h2 id="kinds" className="text-xl font-semibold">
          {t("kindsTitle", { count: categories.length })}
        </h2>
        {/* The catalog's own words, in the viewer's language (lib/catalog/i18n). */}
        <ul className="grid gap-2 text-sm sm:grid-cols-2">
          {categories.map((c) => (
            <li key={c.id}>
              <span className="font-medium">{c.title}</span> — {c.summary}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
