import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { Empty } from "@/components/data/empty";
import { diffSettings } from "@/components/data/settings-diff";
import { getMyCuraVersion } from "@/lib/dal/data/cura";
import { param, type SearchParams } from "@/lib/search-params";
import { uuidOr404 } from "../../load";

export const metadata: Metadata = { title: "Compare Cura versions" };

export default async function ComparePage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [a, b] = await Promise.all([
    getMyCuraVersion(uuidOr404(param(sp, "a"))),
    getMyCuraVersion(uuidOr404(param(sp, "b"))),
  ]);
  if (!a || !b) notFound();
  const changes = diffSettings(a.settings, b.settings);
  const title = (v: typeof a) => `${v.profileName} v${v.version}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/data/cura-configuration">← Cura configuration</Link>
      </p>
      <PageTitle lead={`What changed from ${title(a)} to ${title(b)}.`}>Compare versions</PageTitle>
      <Card
        title={`${changes.length} ${changes.length === 1 ? "setting differs" : "settings differ"}`}
        id="diff"
      >
        {changes.length === 0 ? (
          <Empty>These two versions have the same settings.</Empty>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Settings that differ between {title(a)} and {title(b)}
              </caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-1 pr-3">
                    Setting
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {title(a)}
                  </th>
                  <th scope="col" className="py-1">
                    {title(b)}
                  </th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.key} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-3 font-mono font-normal break-all">
                      {c.key}
                    </th>
                    <td className="py-1 pr-3 font-mono break-all">
                      {c.before ?? <em>not set</em>}
                    </td>
                    <td className="py-1 font-mono break-all">{c.after ?? <em>not set</em>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
