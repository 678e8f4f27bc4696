import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { listDeletableCategories } from "@/lib/dal/erasure/delete-data";
import { DeleteDataForm } from "./delete-data-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rights.deleteData");
  return { title: t("title") };
}

export default async function DeleteDataPage() {
  const options = await listDeletableCategories();
  const [t, catalog] = await Promise.all([
    getTranslations("rights.deleteData"),
    getTranslations("catalog"),
  ]);
  // The catalog's words for each kind, in the viewer's language (its English when one is new).
  const named = options.map((o) => {
    const key = `categories.${o.id}.title` as "categories.profile.title";
    return { id: o.id, title: catalog.has(key) ? catalog(key) : o.title };
  });
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card title={t("choose")} id="choose">
        <DeleteDataForm options={named} />
      </Card>
    </>
  );
}
