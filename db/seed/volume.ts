import { base, de, en, en_GB, Faker, fr, nl } from "@faker-js/faker";
import { inArray, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { printers, printGroups, users } from "../schema";
import {
  LOGIN_COPY,
  loginHistory,
  randomPlaces,
  SESSION_COPY,
  VOLUME_EMAIL_DOMAIN,
} from "./accounts";
import type { SeedConn } from "./copy";
import { statusEventLines } from "./job-events";
import { printJobLines, printJobMaterialLines } from "./jobs";
import { JOB_COPY, JOB_MATERIAL_COPY, planFleet, STATUS_EVENT_COPY, type Fleet } from "./printing";
import type { Progress } from "./progress";
import { DAY, mixSeed, Rng, SEED, type Clock } from "./random";
import { MODELS, type MaterialKey, type ModelKey } from "./reference";

const LOCALES = [
  { faker: new Faker({ locale: [nl, en, base] }), country: "NL", language: "nl" as const },
  { faker: new Faker({ locale: [de, en, base] }), country: "DE", language: "en" as const },
  { faker: new Faker({ locale: [en_GB, en, base] }), country: "GB", language: "en" as const },
  { faker: new Faker({ locale: [fr, en, base] }), country: "FR", language: "en" as const },
  { faker: new Faker({ locale: [en, base] }), country: "US", language: "en" as const },
];

const MODEL_CHOICES: ModelKey[] = ["s5", "s5", "s3", "s3", "connect", "connect", "s7", "um3"];
const GROUP_NAMES = ["Home", "Lab", "Makerspace", "Workshop", "Office", "Classroom"];

type Identity = {
  index: number;
  email: string;
  name: string;
  company: string | null;
  country: string;
  language: "en" | "nl";
};

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

/** Volume user i is always the same person, whatever else was seeded before. */
export function volumeIdentity(index: number): Identity {
  const locale = LOCALES[index % LOCALES.length] as (typeof LOCALES)[number];
  const f = locale.faker;
  f.seed(mixSeed(SEED, 1_000, index));
  const first = f.person.firstName();
  const last = f.person.lastName();
  const company = f.datatype.boolean(0.4) ? f.company.name() : null;
  const email = `${slug(first)}.${slug(last)}.${index + 1}@${VOLUME_EMAIL_DOMAIN}`;
  const { country, language } = locale;
  return { index, email, name: `${first} ${last}`, company, country, language };
}

export type VolumeCounts = { volumeUsers: number; volumePrintJobs: number; skipped: number };

const CHUNK = 500;

/**
 * `count` generated account holders with a small history each: one or two printers, a couple
 * of dozen jobs, a few sign-ins. Users that already exist (same address) are skipped, so the
 * command can be repeated or raised without duplicating anyone.
 */
export async function seedVolumeUsers(
  conn: SeedConn,
  opts: {
    count: number;
    clock: Clock;
    passwordHash: string;
    materialIds: Record<MaterialKey, string>;
    progress: Progress;
  },
): Promise<VolumeCounts> {
  const identities = Array.from({ length: opts.count }, (_, i) => volumeIdentity(i));
  const existing = new Set<string>();
  const emails = identities.map((i) => i.email);
  for (let i = 0; i < emails.length; i += 5_000) {
    const rows = await conn.db
      .select({ email: users.email })
      .from(users)
      .where(inArray(sql`lower(${users.email})`, emails.slice(i, i + 5_000)));
    for (const r of rows) existing.add(r.email.toLowerCase());
  }
  const todo = identities.filter((i) => !existing.has(i.email));
  opts.progress.phase("volume users", todo.length);
  let jobs = 0;
  for (let start = 0; start < todo.length; start += CHUNK) {
    jobs += await writeChunk(conn, todo.slice(start, start + CHUNK), opts);
    opts.progress.tick(Math.min(CHUNK, todo.length - start));
  }
  opts.progress.done();
  return { volumeUsers: todo.length, volumePrintJobs: jobs, skipped: existing.size };
}

async function writeChunk(
  conn: SeedConn,
  people: Identity[],
  opts: Parameters<typeof seedVolumeUsers>[1],
): Promise<number> {
  const { clock } = opts;
  const fleets: Fleet[] = [];
  const userRows: (typeof users.$inferInsert)[] = [];
  const sessionLines: string[] = [];
  const loginLines: string[] = [];
  for (const person of people) {
    const r = new Rng(mixSeed(SEED, 2_000, person.index));
    const userId = randomUUID();
    const group = r.pick(GROUP_NAMES);
    const fleet = planFleet({
      userId,
      seed: mixSeed(SEED, 3_000, person.index),
      clock,
      fleet: Array.from({ length: r.int(1, 2) }, (_, i) => {
        const model = r.pick(MODEL_CHOICES);
        const name = `${group} ${MODELS[model].model.replace("Ultimaker ", "")} ${i + 1}`;
        return { group: i === 0 || r.chance(0.5) ? group : null, model, name };
      }),
      jobs: r.int(12, 28),
      queued: 0,
      materialIds: opts.materialIds,
    });
    fleets.push(fleet);
    const ages = fleet.printers.map((p) => clock.now - (p.createdAt as Date).getTime());
    const joinedAgo = Math.max(...ages) + r.int(5, 200) * DAY;
    userRows.push({
      id: userId,
      email: person.email,
      emailVerifiedAt: clock.ago(joinedAgo - 600_000),
      passwordHash: opts.passwordHash,
      name: person.name,
      company: person.company,
      country: person.country,
      language: person.language,
      role: "user",
      createdAt: clock.ago(joinedAgo),
      updatedAt: clock.ago(joinedAgo),
    });
    const history = loginHistory({
      userId,
      r,
      clock,
      attempts: r.int(3, 8),
      spanDays: 200,
      places: randomPlaces(r, 3),
      active: 1,
      guessing: 0,
    });
    sessionLines.push(...history.sessionLines);
    loginLines.push(...history.loginLines);
  }
  await conn.db.insert(users).values(userRows);
  const groups = fleets.flatMap((f) => f.groups);
  if (groups.length) await conn.db.insert(printGroups).values(groups);
  await conn.db.insert(printers).values(fleets.flatMap((f) => f.printers));
  const each = (make: (f: Fleet) => Iterable<string>) =>
    (function* () {
      for (const f of fleets) yield* make(f);
    })();
  const jobs = await conn.copy(
    JOB_COPY,
    each((f) => printJobLines(f.ctx)),
  );
  await conn.copy(
    JOB_MATERIAL_COPY,
    each((f) => printJobMaterialLines(f.ctx)),
  );
  await conn.copy(
    STATUS_EVENT_COPY,
    each((f) => statusEventLines(f.ctx)),
  );
  await conn.copy(SESSION_COPY, sessionLines);
  await conn.copy(LOGIN_COPY, loginLines);
  return jobs;
}
