import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { organisation } from "@/lib/organisation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rights.complaint");
  return { title: t("title") };
}

/** Where to complain about how we handle personal data, and the dossier to send with it. */
export default async function ComplaintPage() {
  await requireUser();
  const t = await getTranslations("rights.complaint");
  const authority = env.SUPERVISORY_AUTHORITY_NAME;
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("authorityTitle")} id="authority">
          <p>
            {t.rich("authority", {
              organisation: organisation.shortName,
              authority,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <p className="mt-2">
            {t.rich("authorityLink", {
              authority,
              link: (chunks) => (
                <a href={env.SUPERVISORY_AUTHORITY_URL} rel="noopener noreferrer">
                  {chunks}
                </a>
              ),
            })}
          </p>
        </Card>
        <Card title={t("includeTitle")} id="include">
          <ul className="list-disc space-y-1 pl-5">
            <li>{t("include.who")}</li>
            <li>{t("include.what")}</li>
            <li>{t("include.answer")}</li>
            <li>{t("include.wrong")}</li>
          </ul>
          <p className="mt-3">{t("includeDossier")}</p>
        </Card>
        <Card title={t("dossierTitle")} id="dossier">
          <p>
            {t.rich("dossier", {
              open: (chunks) => (
                <Link href="/account/complaint/dossier" className="font-medium">
                  {chunks}
                </Link>
              ),
              download: (chunks) => (
                <a href="/api/complaint/dossier" download>
                  {chunks}
                </a>
              ),
            })}
          </p>
        </Card>
        <Card title={t("contactTitle")} id="contact-us">
          <p>
            {t.rich("contact", {
              email: organisation.contactEmail,
              authority,
              mail: (chunks) => <a href={`mailto:${organisation.contactEmail}`}>{chunks}</a>,
              link: (chunks) => <Link href="/account/requests/new?kind=other">{chunks}</Link>,
            })}
          </p>
        </Card>
      </div>
    </>
  );
}
