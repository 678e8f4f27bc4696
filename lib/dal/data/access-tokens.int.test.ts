import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accessTokens, ingestRefusals, users } from "@/db/schema";
import { createAccount, signInAs } from "@/db/testing/auth";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { createDemoSimulatorToken, createMyAccessToken, listMyAccessTokens } from "./access-tokens";

const mutableEnv = env as { DEMO_MODE: boolean };
afterEach(() => {
  mutableEnv.DEMO_MODE = false;
});

describe("listMyAccessTokens", () => {
  it("lists each token with only its own refusals, never another holder's", async () => {
    const owner = await createAccount();
    const other = await createAccount();
    await signInAs(other);
    const theirs = await createMyAccessToken({
      name: "Theirs",
      kind: "printer",
      scopes: ["printers:write"],
    });
    await signInAs(owner);
    const quiet = await createMyAccessToken({
      name: "Quiet",
      kind: "printer",
      scopes: ["printers:write"],
    });
    const busy = await createMyAccessToken({
      name: "Busy",
      kind: "printer",
      scopes: ["printers:write", "print-jobs:write"],
    });
    const db = await getDb();
    const at = (iso: string) => new Date(iso);
    await db.insert(ingestRefusals).values([
      {
        tokenId: busy.id,
        userId: owner.id,
        category: "printers",
        reason: "restricted",
        items: 120,
        requests: 40,
        firstAt: at("2026-11-01T10:00:00Z"),
        lastAt: at("2026-11-02T10:00:00Z"),
      },
      {
        tokenId: busy.id,
        userId: owner.id,
        category: "print-jobs",
        reason: "erasure_pending",
        items: 3,
        requests: 1,
        firstAt: at("2026-11-03T10:00:00Z"),
        lastAt: at("2026-11-03T10:00:00Z"),
      },
      {
        tokenId: theirs.id,
        userId: other.id,
        category: "printers",
        reason: "restricted",
        items: 7,
        requests: 7,
      },
    ]);

    const listed = await listMyAccessTokens();
    expect(listed.map((t) => t.name)).toEqual(["Busy", "Quiet"]);
    expect(listed.find((t) => t.id === quiet.id)!.refusals).toEqual([]);
    expect(listed.find((t) => t.id === busy.id)!.refusals).toEqual([
      {
        category: "print-jobs",
        reason: "erasure_pending",
        items: 3,
        requests: 1,
        firstAt: at("2026-11-03T10:00:00Z"),
        lastAt: at("2026-11-03T10:00:00Z"),
      },
      {
        category: "printers",
        reason: "restricted",
        items: 120,
        requests: 40,
        firstAt: at("2026-11-01T10:00:00Z"),
        lastAt: at("2026-11-02T10:00:00Z"),
      },
    ]);
  });
});

describe("createMyAccessToken", () => {
  it("makes twenty tokens an hour freely, then refuses a burst with when to try again", async () => {
    const holder = await createAccount();
    await signInAs(holder);
    const burst = await Promise.allSettled(
      Array.from({ length: 23 }, (_, i) =>
        createMyAccessToken({ name: `T${i}`, kind: "printer", scopes: ["printers:write"] }),
      ),
    );
    expect(burst.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    for (const r of burst.filter((r) => r.status === "rejected"))
      expect((r.reason as AppError).code).toBe("rate_limited");
    const db = await getDb();
    const made = await db
      .select({ id: accessTokens.id })
      .from(accessTokens)
      .where(eq(accessTokens.userId, holder.id));
    expect(made).toHaveLength(20);
  });
});

describe("createDemoSimulatorToken", () => {
  it("refuses outside development and demo mode, even for the demo holder", async () => {
    const demo = await createAccount();
    const db = await getDb();
    await db.update(users).set({ email: "demo@example.com" }).where(eq(users.id, demo.id));
    try {
      await signInAs({ ...demo, email: "demo@example.com" });
      const refused = await createDemoSimulatorToken().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).status).toBe(404);

      mutableEnv.DEMO_MODE = true;
      const made = await createDemoSimulatorToken();
      expect(made.secret).toMatch(/^pct_/);
      const [row] = await db
        .select({ userId: accessTokens.userId, scopes: accessTokens.scopes })
        .from(accessTokens)
        .where(eq(accessTokens.id, made.id));
      expect(row!.userId).toBe(demo.id);
      expect(row!.scopes).toContain("printers:write");
      expect(row!.scopes).toContain("print-jobs:write");
    } finally {
      // Free the address for any other test that makes a demo holder.
      await db.delete(users).where(eq(users.id, demo.id));
    }
  });

  it("refuses anyone but the demo holder, even in demo mode", async () => {
    mutableEnv.DEMO_MODE = true;
    const someone = await createAccount();
    await signInAs(someone);
    const refused = await createDemoSimulatorToken().catch((e: unknown) => e);
    expect((refused as AppError).status).toBe(403);
    const db = await getDb();
    expect(
      await db
        .select({ id: accessTokens.id })
        .from(accessTokens)
        .where(eq(accessTokens.userId, someone.id)),
    ).toEqual([]);
  });
});
