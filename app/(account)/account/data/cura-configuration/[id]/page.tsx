import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { Card, PageTitle } from "@/components/ui/card";
import { DeleteButton } from "@/components/data/delete-button";
import { SettingsViewer } from "@/components/data/settings-viewer";
import { getMyCuraVersion } from "@/lib/dal/data/cura";
import { deleteCuraVersionAction } from "../../actions";
import { uuidOr404 } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.curaVersion");
  return { title: t("title") };
}

export default async function CuraVersionPage(props: { params: Promise<{ id: string }> }) {
  const id = uuidOr404((await props.params).id);
  const v = await getMyCuraVersion(id);
  if (!v) notFound();
  const settings = Object.entries(v.settings)
    .map(([k, val]): [string, string] => [k, String(val)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const t = await getTranslations("data.curaVersion");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/data/cura-configuration">{t("back")}</Link>
      </p>
      <PageTitle
        lead={
          <>
            {v.machine
              ? t("savedFor", { cura: v.curaVersion, machine: v.machine })
              : t("saved", { cura: v.curaVersion })}{" "}
            <LocalTime value={v.createdAt} />
          </>
        }
      >
        <span className="break-words">
          {t("heading", { name: v.profileName, version: v.version })}
        </span>
      </PageTitle>
      <div className="space-y-6">
        {v.note && <p className="text-sm">{v.note}</p>}
        <Card title={t("settings")} id="settings">
          <SettingsViewer settings={settings} />
        </Card>
        <DeleteButton
          action={deleteCuraVersionAction.bind(null, v.id)}
          label={t("delete")}
          what={t("deleteWhat", {
            version: v.version,
            name: v.profileName,
            count: settings.length,
          })}
          then="/account/data/cura-configuration"
        />
      </div>
    </>
  );
}
