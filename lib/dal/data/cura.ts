import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { curaConfigVersions } from "@/db/schema";
import { requireSession, requireWritable } from "@/lib/dal/session";
import { auditItemDelete } from "./items";

export type CuraVersionRowDTO = {
  id: string;
  profileName: string;
  version: number;
  curaVersion: string;
  machine: string | null;
  note: string | null;
  createdAt: Date;
  settingCount: number;
};

export type CuraProfileDTO = { name: string; versions: CuraVersionRowDTO[] };

/** Every saved version of every profile, grouped by profile, newest version first. */
export async function listMyCuraProfiles(): Promise<CuraProfileDTO[]> {
  const { user } = await requireSession();
  const db = await getDb();
  const rows = await db
    .select({
      id: curaConfigVersions.id,
      profileName: curaConfigVersions.profileName,
      version: curaConfigVersions.version,
      curaVersion: curaConfigVersions.curaVersion,
      machine: curaConfigVersions.machine,
      note: curaConfigVersions.note,
      createdAt: curaConfigVersions.createdAt,
      settings: curaConfigVersions.settings,
    })
    .from(curaConfigVersions)
    .where(eq(curaConfigVersions.userId, user.id))
    .orderBy(asc(curaConfigVersions.profileName), desc(curaConfigVersions.version))
    .limit(2_000);
  const profiles = new Map<string, CuraVersionRowDTO[]>();
  for (const { settings, ...r } of rows) {
    const list = profiles.get(r.profileName) ?? [];
    list.push({ ...r, settingCount: Object.keys(settings).length });
    profiles.set(r.profileName, list);
  }
  return [...profiles].map(([name, versions]) => ({ name, versions }));
}

export type CuraVersionDTO = Omit<CuraVersionRowDTO, "settingCount"> & {
  settings: Record<string, string | number | boolean>;
};

export async function getMyCuraVersion(id: string): Promise<CuraVersionDTO | null> {
  const { user } = await requireSession();
  const db = await getDb();
  const [row] = await db
    .select({
      id: curaConfigVersions.id,
      profileName: curaConfigVersions.profileName,
      version: curaConfigVersions.version,
      curaVersion: curaConfigVersions.curaVersion,
      machine: curaConfigVersions.machine,
      note: curaConfigVersions.note,
      createdAt: curaConfigVersions.createdAt,
      settings: curaConfigVersions.settings,
    })
    .from(curaConfigVersions)
    .where(and(eq(curaConfigVersions.id, id), eq(curaConfigVersions.userId, user.id)));
  return row ?? null;
}

export async function deleteMyCuraVersion(id: string): Promise<boolean> {
  const session = await requireWritable();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(curaConfigVersions)
      .where(and(eq(curaConfigVersions.id, id), eq(curaConfigVersions.userId, session.user.id)))
      .returning({
        id: curaConfigVersions.id,
        profileName: curaConfigVersions.profileName,
        version: curaConfigVersions.version,
      });
    if (!gone) return false;
    await auditItemDelete(tx, session, "cura_config_version", gone.id, {
      profile: gone.profileName,
      version: gone.version,
    });
    return true;
  });
}
