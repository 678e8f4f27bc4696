import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { authSecret } from "@/lib/auth/secret";
import { authenticate } from "@/lib/dal/auth";
import { testRequest } from "./next-request-mock";

export type TestAccount = { id: string; email: string; password: string; name: string };

// One hash for every test account: argon2 is deliberately slow.
let sharedHash: Promise<string> | undefined;
const PASSWORD = "Copper-Lantern-Orchard-77";

/** A verified account with a unique email, made straight in the database. */
export async function createAccount(
  opts: { role?: "user" | "agent" | "admin"; verified?: boolean } = {},
): Promise<TestAccount> {
  sharedHash ??= hashPassword(PASSWORD);
  const db = await getDb();
  const email = `t-${randomUUID()}@example.test`;
  const name = `Tess ${email.slice(2, 8)}`;
  const [row] = await db
    .insert(users)
    .values({
      email,
      name,
      passwordHash: await sharedHash,
      role: opts.role ?? "user",
      emailVerifiedAt: opts.verified === false ? null : new Date(),
    })
    .returning({ id: users.id });
  return { id: row!.id, email, password: PASSWORD, name };
}

/** Signs in through the real authenticate() and puts the session cookie on the test request. */
export async function signInAs(
  account: TestAccount,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<string> {
  const result = await authenticate({
    email: account.email,
    password: account.password,
    ip: meta.ip ?? "198.51.100.7",
    userAgent:
      meta.userAgent ?? "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0",
  });
  if (!result.ok) throw new Error(`test sign-in failed: ${result.reason}`);
  await actAsSession(result.sessionId);
  return result.sessionId;
}

/** Makes the next DAL calls come from this session (as a replayed cookie would). */
export async function actAsSession(sessionId: string | null) {
  testRequest.cookies.clear();
  if (!sessionId) return;
  const token = await encode({ token: { sid: sessionId }, secret: authSecret() });
  testRequest.cookies.set(SESSION_COOKIE, token);
}

export async function getUserRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}
