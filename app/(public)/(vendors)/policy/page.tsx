import type { Metadata } from "next";
import {
  categories,
  cookieCategoryInfo,
  cookieVendors,
  legalBasisLabel,
  type CookieCategory,
} from "@/lib/catalog";
import { organisation } from "@/lib/organisation";

export const metadata: Metadata = { title: "How we use your data" };

const rights = [
  "see the personal data we hold about you (access)",
  "have it corrected (rectification) or deleted (erasure)",
  "have its processing restricted",
  "receive it in a machine-readable form to take elsewhere (portability)",
  "object to its processing, in particular to profiling for marketing",
  "withdraw any consent you gave, at any time",
];

/** The privacy statement, generated from the same catalog the app runs on. */
export default function PolicyPage() {
  const vendorGroups = (Object.keys(cookieCategoryInfo) as CookieCategory[]).map((category) => ({
    category,
    vendors: cookieVendors.filter((v) => v.category === category),
  }));
  return (
    <article className="prose-sm max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">How we use your data</h1>
        <p className="text-slate-700">
          {organisation.name} ({organisation.address}) is responsible for the personal data
          described here. Privacy statement version {organisation.policyVersion}.
        </p>
      </header>

      <section aria-labelledby="what" className="space-y-4">
        <h2 id="what" className="text-xl font-semibold">
          What we hold, and why
        </h2>
        {categories.map((c) => (
          <section
            key={c.id}
            aria-labelledby={`cat-${c.id}`}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h3 id={`cat-${c.id}`} className="font-semibold">
              {c.title}
            </h3>
            <p className="text-sm text-slate-700">{c.summary}</p>
            <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium">Purpose</dt>
              <dd>{c.purpose}</dd>
              <dt className="font-medium">Legal basis</dt>
              <dd>{legalBasisLabel[c.legalBasis]}</dd>
              <dt className="font-medium">How long</dt>
              <dd>{c.retention.description}</dd>
              <dt className="font-medium">Who receives it</dt>
              <dd>{c.recipients.join("; ")}</dd>
              <dt className="font-medium">Where it comes from</dt>
              <dd>{c.source}</dd>
              <dt className="font-medium">What exactly</dt>
              <dd>
                {c.tables
                  .flatMap((t) => t.fields.map((f) => f.description.toLowerCase()))
                  .join(", ")}
              </dd>
            </dl>
          </section>
        ))}
      </section>

      <section aria-labelledby="rights" className="space-y-2">
        <h2 id="rights" className="text-xl font-semibold">
          Your rights
        </h2>
        <p>You may:</p>
        <ul className="list-disc pl-6">
          {rights.map((r) => (
            <li key={r}>{r};</li>
          ))}
          <li>
            complain to the supervisory authority,{" "}
            <a href={organisation.supervisoryAuthority.url}>
              {organisation.supervisoryAuthority.name}
            </a>
            .
          </li>
        </ul>
        <p>
          Use this privacy center, or write to{" "}
          <a href={`mailto:${organisation.contactEmail}`}>{organisation.contactEmail}</a>. We answer
          within {organisation.responseDeadlineDays} days. When you ask us to erase your account, we
          wait {organisation.erasureGraceDays} days so you can change your mind, then delete it;
          encrypted backups expire on their own schedule.
        </p>
      </section>

      <section aria-labelledby="cookies" className="space-y-4">
        <h2 id="cookies" className="text-xl font-semibold">
          Cookies and similar technology
        </h2>
        <p>
          Only functional cookies are used unless you agree to more. You can change your choice at
          any time from the cookie settings at the bottom of every page.
        </p>
        {vendorGroups.map(({ category, vendors }) => (
          <section key={category} aria-labelledby={`cookies-${category}`}>
            <h3 id={`cookies-${category}`} className="font-semibold">
              {cookieCategoryInfo[category].title}
            </h3>
            <p className="text-sm text-slate-700">{cookieCategoryInfo[category].description}</p>
            <ul className="mt-2 space-y-2 text-sm">
              {vendors.map((v) => (
                <li key={v.id}>
                  <span className="font-medium">{v.name}</span> ({v.company}): {v.purpose}
                  {v.cookies.length > 0 && (
                    <> Cookies: {v.cookies.map((c) => `${c.name} (${c.lifetime})`).join(", ")}.</>
                  )}
                  {v.retired && (
                    <>
                      {" "}
                      No longer used since {v.retired.since}: {v.retired.note}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </article>
  );
}
