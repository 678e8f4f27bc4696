import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { DeleteButton } from "@/components/data/delete-button";
import { formatDateTime } from "@/components/data/format";
import { SettingsViewer } from "@/components/data/settings-viewer";
import { getMyCuraVersion } from "@/lib/dal/data/cura";
import { deleteCuraVersionAction } from "../../actions";
import { uuidOr404 } from "../../load";

export const metadata: Metadata = { title: "Cura profile version" };

export default async function CuraVersionPage(props: { params: Promise<{ id: string }> }) {
  const id = uuidOr404((await props.params).id);
  const v = await getMyCuraVersion(id);
  if (!v) notFound();
  const settings = Object.entries(v.settings)
    .map(([k, val]): [string, string] => [k, String(val)])
    .sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/data/cura-configuration">← Cura configuration</Link>
      </p>
      <PageTitle
        lead={`Saved by Cura ${v.curaVersion}${v.machine ? ` for ${v.machine}` : ""} on ${formatDateTime(v.createdAt)}`}
      >
        {v.profileName}, version {v.version}
      </PageTitle>
      <div className="space-y-6">
        {v.note && <p className="text-sm">{v.note}</p>}
        <Card title="Settings" id="settings">
          <SettingsViewer settings={settings} />
        </Card>
        <DeleteButton
          action={deleteCuraVersionAction.bind(null, v.id)}
          label="Delete this version"
          what={`Version ${v.version} of the profile "${v.profileName}" and its ${settings.length} settings will be deleted. Other versions stay.`}
          then="/account/data/cura-configuration"
        />
      </div>
    </>
  );
}
