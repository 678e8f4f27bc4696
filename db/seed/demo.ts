import { inArray, sql } from "drizzle-orm";
import { users } from "../schema";
import {
  DEMO_ACCOUNTS,
  DEMO_PLACES,
  loginHistory,
  seedAccessTokens,
  STAFF_PLACES,
  writeLoginHistory,
} from "./accounts";
import { seedDisclosures, seedMarketing, seedPrivacyRequests, seedSupportAccess } from "./activity";
import type { SeedConn } from "./copy";
import { seedCuraConfigs, seedDiagnostics } from "./cura";
import type { FleetSpec } from "./printing";
import { DAY, MINUTE, mixSeed, Rng, SEED, type Clock } from "./random";

/** The heavy user's printers: two groups and one old machine nobody grouped. */
export const DEMO_FLEET: FleetSpec = [
  { group: "Workshop", model: "s7Pro", name: "Workshop S7 Pro Bundle" },
  { group: "Workshop", model: "s7", name: "Workshop S7" },
  { group: "Workshop", model: "s5", name: "Prototyping S5" },
  { group: "Design office", model: "s3", name: "Design desk S3" },
  { group: "Design office", model: "connect", name: "Training 2+ Connect" },
  { group: null, model: "um3", name: "Old faithful UM3" },
];

export type People = { userId: string; agentId: string; agentName: string; adminId: string };
type UserRow = typeof users.$inferInsert;
type PrinterRows = Parameters<typeof seedDiagnostics>[2];

/**
 * Inserts the three demo accounts. The demo account holder's row is the claim: if it exists
 * (an earlier seed, or another instance seeding right now) this returns null and nothing else
 * is written. Staff accounts that already exist are reused.
 */
export async function claimAccounts(
  conn: SeedConn,
  clock: Clock,
  demo: { id: string; joinedAgo: number },
  hashes: Record<keyof typeof DEMO_ACCOUNTS, string>,
): Promise<People | null> {
  const profile = (
    key: keyof typeof DEMO_ACCOUNTS,
    joinedAgo: number,
    extra: Partial<UserRow>,
  ) => ({
    email: DEMO_ACCOUNTS[key].email,
    name: DEMO_ACCOUNTS[key].name,
    role: DEMO_ACCOUNTS[key].role,
    passwordHash: hashes[key],
    emailVerifiedAt: clock.ago(joinedAgo - 5 * MINUTE),
    country: "NL",
    createdAt: clock.ago(joinedAgo),
    updatedAt: clock.ago(Math.min(joinedAgo, 30 * DAY)),
    ...extra,
  });
  const claimed = await conn.db
    .insert(users)
    .values(
      profile("demo", demo.joinedAgo, {
        id: demo.id,
        company: "Brightline Prototyping B.V.",
        phone: "+31 6 12345678",
        language: "en",
      }),
    )
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (claimed.length === 0) return null;

  const staff = [profile("agent", 700 * DAY, {}), profile("admin", 900 * DAY, {})];
  await conn.db.insert(users).values(staff).onConflictDoNothing();
  const emails = [DEMO_ACCOUNTS.agent.email, DEMO_ACCOUNTS.admin.email];
  const rows = await conn.db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  const find = (email: string) => rows.find((r) => r.email.toLowerCase() === email);
  const agent = find(DEMO_ACCOUNTS.agent.email);
  const admin = find(DEMO_ACCOUNTS.admin.email);
  if (!agent || !admin) throw new Error("seed: staff accounts could not be created");
  return { userId: demo.id, agentId: agent.id, agentName: agent.name, adminId: admin.id };
}

/** Everything around the demo's printing: sign-ins, tokens, Cura, consent, requests, support. */
export async function seedDemoActivity(
  conn: SeedConn,
  clock: Clock,
  people: People,
  printers: PrinterRows,
): Promise<Record<string, number>> {
  // One generator, consumed in a fixed order: reordering these calls changes the content.
  const r = new Rng(mixSeed(SEED, 2));
  const counts: Record<string, number> = {};
  const add = (more: Record<string, number>) => {
    for (const [k, v] of Object.entries(more)) counts[k] = (counts[k] ?? 0) + v;
  };
  const demoLogins = loginHistory({
    userId: people.userId,
    r,
    clock,
    attempts: 160,
    spanDays: 360,
    places: DEMO_PLACES,
    active: 2,
    guessing: 2,
  });
  add(await writeLoginHistory(conn, demoLogins));
  for (const staffId of [people.agentId, people.adminId]) {
    const history = loginHistory({
      userId: staffId,
      r,
      clock,
      attempts: 6,
      spanDays: 45,
      places: STAFF_PLACES,
      active: 1,
      guessing: 0,
    });
    add(await writeLoginHistory(conn, history));
  }
  add({ accessTokens: await seedAccessTokens(conn, people.userId, clock, printers) });
  add({ curaConfigVersions: await seedCuraConfigs(conn, people.userId, clock, r) });
  add({ diagnostics: await seedDiagnostics(conn, people.userId, printers, clock, r) });
  add(await seedMarketing(conn, people.userId, clock, r));
  add(await seedPrivacyRequests(conn, people, clock, r));
  add(await seedDisclosures(conn, people.userId, clock, printers));
  add(await seedSupportAccess(conn, people, clock));
  return counts;
}
