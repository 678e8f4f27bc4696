import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { LiveAnnouncer, LiveRefresh } from "@/components/data/live-refresh";
import { StatusBadge } from "@/components/data/status-badge";
import { listMyPrinters } from "@/lib/dal/data/printers";
import { loadCategory } from "../../load";

export const metadata: Metadata = { title: "Printers and print groups" };

export default async function PrintersPage() {
  const [{ category, stats }, printers] = await Promise.all([
    loadCategory("printers"),
    listMyPrinters(),
  ]);
  const groups = new Map<string, typeof printers>();
  for (const p of printers) {
    const key = p.groupName ? `${p.groupName} (${p.groupKey})` : "Not in a group";
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <LiveRefresh what="statuses" />
      <LiveAnnouncer items={printers.map((p) => ({ key: p.id, text: `${p.name}: ${p.status}` }))} />
      {printers.length === 0 ? (
        <Empty>
          No printers are connected to your account. A printer appears here when it first sends data
          with one of your access tokens.
        </Empty>
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
                      <StatusBadge status={p.status} /> · {p.model} · serial {p.serial} · firmware{" "}
                      {p.firmware} · last seen {formatDateTime(p.lastSeenAt)}
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
