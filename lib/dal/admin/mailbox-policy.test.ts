import { describe, expect, it } from "vitest";
import { mailboxOpenToAll } from "./mailbox-policy";

describe("mailbox access", () => {
  it("is open in development and tests, and closed (admins only) in production", () => {
    expect(mailboxOpenToAll("development")).toBe(true);
    expect(mailboxOpenToAll("test")).toBe(true);
    expect(mailboxOpenToAll("production")).toBe(false);
  });
});
