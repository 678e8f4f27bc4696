import { describe, expect, it } from "vitest";
import { mailboxOpenToAll, mailboxShowsBody } from "./mailbox-policy";

describe("mailbox access", () => {
  it("is open in development and tests, and closed (admins only) in production", () => {
    expect(mailboxOpenToAll("development")).toBe(true);
    expect(mailboxOpenToAll("test")).toBe(true);
    expect(mailboxOpenToAll("production")).toBe(false);
  });
});

describe("mailbox bodies", () => {
  const production = { nodeEnv: "production", demoMode: false };
  const demo = { nodeEnv: "production", demoMode: true };
  const development = { nodeEnv: "development", demoMode: false };

  it("are never shown by a production mailbox, whatever the status", () => {
    for (const status of ["pending", "sending", "sent", "failed"] as const) {
      expect(mailboxShowsBody(production, status)).toBe(false);
    }
  });

  it("are shown in development and demo mode only while not yet delivered", () => {
    for (const where of [development, demo, { nodeEnv: "test", demoMode: false }]) {
      expect(mailboxShowsBody(where, "pending")).toBe(true);
      expect(mailboxShowsBody(where, "sending")).toBe(true);
      expect(mailboxShowsBody(where, "sent")).toBe(false);
      expect(mailboxShowsBody(where, "failed")).toBe(false);
    }
  });
});
