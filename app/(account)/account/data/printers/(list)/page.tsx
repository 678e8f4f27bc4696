import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { LiveAnnouncer, LiveRefresh } from "@/components/data/live-refresh";
import { RecentTime } from "@/components/data/recent-time";
import { StatusBadge } from "@/components/data/status-badge";
import { catalogValue } from "@/lib/catalog/i18n";
import { listMyPrinters } from "@/lib/dal/data/printers";
import { getViewerFormat } from "@/lib/i18n/server";
import { loadCategory } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.printers");
  return { title: t("title") };
}

export default async function PrintersPage() {
  const [{ category, stats }, printers] = await Promise.all([
    loadCategory("printers"),
    listMyPrinters(),
  ]);
  const t = await getTranslations("data.printers");
  const { locale } = await getViewerFormat();
  const now = new Date();
  const status = (s: string) => catalogValue("printerStatus", s, locale);
  const groups = new Map<string, typeof printers>();
  for (const p of printers) {
    const key = p.groupName ? `${p.groupName} (${p.groupKey})` : t("noGroup");
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <LiveRefresh what={t("liveWhat")} />
      <LiveAnnouncer
        items={printers.map((p) => ({ key: p.id, text: `${p.name}: ${status(p.status)}` }))}
      />
      {printers.length === 0 ? (
        <Empty>{t("none")}</Empty>
      ) : (
        <div className="space-y-6">
          {[...groups].map(([group, list]) => (
            <Card key={group} title={group}>
              <ul className="divide-y divide-slate-100 text-sm">
                {list.map((p) => (
                  <li key={p.id} className="py-2">
                    <Link href={`/account/data/printers/${p.id}`} className="font-medium">
                      {p.name}
                    </Link>
                    <p className="text-slate-700">
                      <StatusBadge status={p.status} label={status(p.status)} /> · {p.model} ·{" "}
                      {t("serial")} {p.serial} · {t("firmware")} {p.firmware} · {t("lastSeen")}{" "}
                      <RecentTime value={p.lastSeenAt} now={now} />
                    </p>
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
