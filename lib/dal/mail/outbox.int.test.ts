import { randomUUID } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import { eq, inArray } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db";
import { emailOutbox } from "@/db/schema";
import {
  deliverDueMail,
  enqueueMail,
  FORGOTTEN_RECIPIENT,
  listOutbox,
  REDACTED_BODY,
  smtpTransport,
  type MailTransport,
} from "./outbox";

type Received = { to: string[]; subject: string };

/** A real SMTP server on a free port that records what it receives. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? "";
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { received, port, close };
}

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const address = () => `${randomUUID()}@example.test`;
const batchSize = 1000; // other test files may have due rows too; take them all in one pass

let db: Db;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let up: MailTransport;
let down: MailTransport;

beforeAll(async () => {
  db = await getDb();
  smtp = await startSmtp();
  up = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, "Privacy Center <pc@example.test>");
  down = smtpTransport(`smtp://user:secret@127.0.0.1:${await closedPort()}`, "pc@example.test");
});
afterAll(async () => {
  await smtp?.close();
});

async function rows(ids: string[]) {
  return db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
}
const receivedBy = (to: string) => smtp.received.filter((m) => m.to.includes(to));

describe("mail outbox", () => {
  it("delivers mail enqueued in a transaction, once each", async () => {
    const mails = [1, 2, 3].map((n) => ({
      kind: "test",
      to: address(),
      subject: `Hello ${n}`,
      text: `Body ${n}`,
    }));
    const ids = await db.transaction(async (tx) =>
      Promise.all(mails.map(async (m) => (await enqueueMail(tx, m)).id)),
    );
    const result = await deliverDueMail(db, up, { batchSize });
    expect(result.sent).toBeGreaterThanOrEqual(3);
    for (const m of mails) {
      expect(receivedBy(m.to)).toEqual([{ to: [m.to], subject: m.subject }]);
    }
    const stored = await rows(ids);
    expect(stored.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    expect(stored.every((r) => r.sentAt instanceof Date && r.attempts === 0)).toBe(true);

    const listed = (await listOutbox(db, { limit: 200 })).items;
    const mine = listed.find((r) => r.id === ids[0]);
    // Delivered: the body is gone from the database (see the next test).
    expect(mine).toMatchObject({
      toAddress: mails[0]!.to,
      status: "sent",
      textBody: REDACTED_BODY,
    });
    expect(Object.keys(mine!).sort()).toEqual([
      "attempts",
      "createdAt",
      "id",
      "kind",
      "sentAt",
      "status",
      "subject",
      "textBody",
      "toAddress",
    ]);
  });

  it("keeps no link secret of a delivered or abandoned mail, only who, what, when and status", async () => {
    const secret = `tok${randomUUID().replaceAll("-", "")}`;
    const withLinks = (to: string) => ({
      kind: "reset_password",
      to,
      subject: "Choose a new password",
      text: `Open https://pc.example/reset-password?token=${secret}`,
      html: `<a href="https://pc.example/reset-password?token=${secret}">Choose</a>`,
      headers: { "List-Unsubscribe": `<https://pc.example/unsubscribe?t=${secret}>` },
    });
    const delivered = withLinks(address());
    const abandoned = withLinks(address());
    const sentId = (await enqueueMail(db, delivered)).id;
    const failedId = (await enqueueMail(db, abandoned)).id;
    expect(JSON.stringify(await rows([sentId, failedId]))).toContain(secret);

    // The abandoned one first (only SMTP that is down), then the delivered one.
    await db.update(emailOutbox).set({ attempts: 7 }).where(eq(emailOutbox.id, failedId));
    await db
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(Date.now() + 3_600_000) })
      .where(eq(emailOutbox.id, sentId));
    await deliverDueMail(db, down, { batchSize, maxAttempts: 8 });
    await db
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date() })
      .where(eq(emailOutbox.id, sentId));
    await deliverDueMail(db, up, { batchSize });
    expect(receivedBy(delivered.to)).toEqual([{ to: [delivered.to], subject: delivered.subject }]);

    const stored = await rows([sentId, failedId]);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const byId = new Map(stored.map((r) => [r.id, r]));
    expect(byId.get(sentId)).toMatchObject({
      toAddress: delivered.to,
      kind: "reset_password",
      subject: "Choose a new password",
      status: "sent",
      textBody: REDACTED_BODY,
      htmlBody: null,
      headers: null,
    });
    expect(byId.get(sentId)!.sentAt).toBeInstanceOf(Date);
    expect(byId.get(failedId)).toMatchObject({
      toAddress: abandoned.to,
      status: "failed",
      attempts: 8,
      textBody: REDACTED_BODY,
      htmlBody: null,
      headers: null,
    });
  });

  it("forgets the recipient of an erasure receipt once it is delivered", async () => {
    const to = address();
    const [receipt, other] = await db.transaction(async (tx) => [
      await enqueueMail(tx, { kind: "erasure_receipt", to, subject: "Your receipt", text: "x" }),
      await enqueueMail(tx, { kind: "test", to, subject: "Kept", text: "y" }),
    ]);
    await deliverDueMail(db, up, { batchSize });
    expect(receivedBy(to)).toHaveLength(2);
    const stored = await rows([receipt!.id, other!.id]);
    const r = stored.find((m) => m.id === receipt!.id);
    const o = stored.find((m) => m.id === other!.id);
    expect(r).toMatchObject({
      status: "sent",
      toAddress: FORGOTTEN_RECIPIENT,
      subject: "Erasure receipt",
    });
    expect(o).toMatchObject({ status: "sent", toAddress: to, subject: "Kept" });
  });

  it("leaves no mail behind when the transaction rolls back", async () => {
    const to = address();
    await expect(
      db.transaction(async (tx) => {
        await enqueueMail(tx, { kind: "test", to, subject: "Never", text: "x" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const left = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));
    expect(left).toEqual([]);
  });

  it("keeps mail while SMTP is down, retries with backoff, and stores no password", async () => {
    const to = address();
    const { id } = await enqueueMail(db, { kind: "test", to, subject: "Retry me", text: "x" });
    const start = new Date();
    await deliverDueMail(db, down, { batchSize, now: start });

    const [row] = await rows([id]);
    expect(row).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(start.getTime());
    expect(row!.lastError).toBeTruthy();
    expect(row!.lastError).not.toContain("secret");

    // Not due yet: nothing happens even with SMTP back.
    await deliverDueMail(db, up, { batchSize, now: start });
    expect(receivedBy(to)).toEqual([]);

    await deliverDueMail(db, up, { batchSize, now: new Date(row!.nextAttemptAt.getTime() + 1) });
    expect(receivedBy(to)).toEqual([{ to: [to], subject: "Retry me" }]);
    const [sent] = await rows([id]);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it("gives up after maxAttempts", async () => {
    const doomed = { kind: "test", to: address(), subject: "Doomed", text: "x" };
    const { id } = await enqueueMail(db, doomed);
    let now = new Date();
    for (let i = 0; i < 3; i++) {
      await deliverDueMail(db, down, { batchSize, now, maxAttempts: 3 });
      const [row] = await rows([id]);
      expect(row!.attempts).toBe(i + 1);
      expect(row!.status).toBe(i < 2 ? "pending" : "failed");
      now = new Date(row!.nextAttemptAt.getTime() + 1);
    }
    await deliverDueMail(db, up, { batchSize, now: new Date(now.getTime() + 86_400_000) });
    expect((await rows([id]))[0]!.status).toBe("failed");
  });

  it("puts mail stuck in 'sending' (a crashed instance) back after 10 minutes", async () => {
    const to = address();
    const { id } = await enqueueMail(db, { kind: "test", to, subject: "Stuck", text: "x" });
    const claimedAt = new Date();
    // What a claim leaves behind: status 'sending', lease until next_attempt_at.
    await db
      .update(emailOutbox)
      .set({ status: "sending", nextAttemptAt: new Date(claimedAt.getTime() + 600_000) })
      .where(eq(emailOutbox.id, id));
    await deliverDueMail(db, up, { batchSize, now: new Date(claimedAt.getTime() + 300_000) });
    expect(receivedBy(to)).toEqual([]);
    await deliverDueMail(db, up, { batchSize, now: new Date(claimedAt.getTime() + 660_000) });
    expect(receivedBy(to)).toHaveLength(1);
    expect((await rows([id]))[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("drops the body of mail a crashed instance left 'sending' when it gives up on it", async () => {
    const secret = `tok${randomUUID().replaceAll("-", "")}`;
    const { id } = await enqueueMail(db, {
      kind: "test",
      to: address(),
      subject: "Stuck for good",
      text: `https://pc.example/verify-email?token=${secret}`,
    });
    const claimedAt = new Date();
    await db
      .update(emailOutbox)
      .set({ status: "sending", attempts: 2, nextAttemptAt: claimedAt })
      .where(eq(emailOutbox.id, id));
    await deliverDueMail(db, up, {
      batchSize,
      now: new Date(claimedAt.getTime() + 1),
      maxAttempts: 3,
    });
    const [row] = await rows([id]);
    expect(row).toMatchObject({ status: "failed", attempts: 3, textBody: REDACTED_BODY });
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("sends each mail exactly once when several passes run at the same time", async () => {
    const tos = Array.from({ length: 8 }, address);
    for (const to of tos) await enqueueMail(db, { kind: "test", to, subject: "Once", text: "x" });
    // Open pool connections first (PostgreSQL), so the passes' claims really overlap instead of
    // the second waiting for a new connection until the first is done.
    await Promise.all(Array.from({ length: 4 }, () => db.select().from(emailOutbox).limit(1)));
    await Promise.all(Array.from({ length: 4 }, () => deliverDueMail(db, up, { batchSize })));
    for (const to of tos) expect(receivedBy(to)).toHaveLength(1);
  });

  it("pages the outbox newest first without gaps or repeats", async () => {
    const to = address();
    // One transaction: now() is the same for all five, so the page boundaries fall inside one
    // created_at and only id orders them.
    const ids = await db.transaction(async (tx) => {
      const made: string[] = [];
      for (let i = 0; i < 5; i++) {
        made.push((await enqueueMail(tx, { kind: "page", to, subject: `P${i}`, text: "x" })).id);
      }
      return made;
    });
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listOutbox(db, { limit: 2, after });
      seen.push(...page.items.map((r) => r.id));
      after = page.next ?? undefined;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].sort().reverse());
  });
});
