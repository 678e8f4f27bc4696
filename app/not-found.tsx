import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("text")}</p>
      <p>
        <Link href="/">{t("home")}</Link>
      </p>
    </div>
  );
}
