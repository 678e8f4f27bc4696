import type { DbHandle } from "../client";
import { DEMO_ACCOUNTS, VOLUME_PASSWORD } from "./accounts";

/** Checks a password against a stored hash (the app passes lib/auth/password's verifyPassword). */
export type PasswordVerifier = (hash: string, password: string) => Promise<boolean>;

/** Every password this repository publishes (README, seed log): none may guard a staff account. */
export const PUBLISHED_PASSWORDS: readonly string[] = [
  ...Object.values(DEMO_ACCOUNTS).map((a) => a.password),
  VOLUME_PASSWORD,
];

/**
 * The emails of agents and admins whose password is one of the published demo passwords,
 * whatever their address: a production start refuses to serve while any remain (db/startup.ts).
 * Checks every staff hash against every published password — a few argon2 checks per staff
 * member, once per start.
 */
export async function findStaffWithPublishedPassword(
  handle: DbHandle,
  verify: PasswordVerifier,
): Promise<string[]> {
  const staff = await handle.query<{ email: string; password_hash: string }>(
    `select email, password_hash from users
     where role in ('agent', 'admin') and password_hash is not null order by email`,
  );
  const found: string[] = [];
  for (const { email, password_hash: hash } of staff) {
    const matches = await Promise.all(PUBLISHED_PASSWORDS.map((p) => verify(hash, p)));
    if (matches.some(Boolean)) found.push(email);
  }
  return found;
}
