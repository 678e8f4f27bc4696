import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../testing/fresh-database";
import { DEMO_ACCOUNTS, VOLUME_PASSWORD } from "./accounts";
import { findStaffWithPublishedPassword, type PasswordVerifier } from "./guard";

// A stand-in hasher keeps this test fast; the seed test checks the real argon2 pair.
const fakeHash = (password: string) => `fake$${password}`;
const verify: PasswordVerifier = async (hash, password) => hash === fakeHash(password);

describe("the production guard against published staff passwords", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const add = (email: string, role: string, hash: string | null) =>
    db.handle.query(
      "insert into users (id, email, name, role, password_hash) values ($1, $2, 'Staff', $3, $4)",
      [randomUUID(), email, role, hash],
    );

  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("names every agent or admin holding any published password, whatever their address", async () => {
    await add("renamed-admin@example.org", "admin", fakeHash(DEMO_ACCOUNTS.admin.password));
    await add("agent-x@example.org", "agent", fakeHash(DEMO_ACCOUNTS.demo.password));
    await add("volume-admin@example.org", "admin", fakeHash(VOLUME_PASSWORD));
    // Not reported: an own password, no password (made by admin:create), an account holder.
    await add("real-admin@example.org", "admin", fakeHash("a long private passphrase"));
    await add("new-admin@example.org", "admin", null);
    await add("holder@example.org", "user", fakeHash(DEMO_ACCOUNTS.demo.password));
    expect(await findStaffWithPublishedPassword(db.handle, verify)).toEqual([
      "agent-x@example.org",
      "renamed-admin@example.org",
      "volume-admin@example.org",
    ]);
  });

  it("stops naming an account once its password is changed", async () => {
    await db.handle.query("update users set password_hash = $1 where email like '%@example.org'", [
      fakeHash("changed and private"),
    ]);
    await db.handle.query("update users set role = 'user' where email = 'holder@example.org'");
    expect(await findStaffWithPublishedPassword(db.handle, verify)).toEqual([]);
  });
});
