import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/config";
import * as T from "./templates";
import * as A from "./account-templates";
import * as E from "./erasure-templates";
import * as R from "./request-reminder-templates";
import * as U from "./request-update-templates";
import * as S from "./support-templates";
import { renderCampaignMail } from "./campaign";
import type { MailContent } from "./render";

const appUrl = "https://p.test";
const d = new Date("2024-03-05T14:07:00Z");
const evil = `<b>"Jo" & co</b>`;

/** Every template, built for one language, with a hostile name where it takes one. */
const all = (locale: Locale): [string, MailContent][] => [
  ["verify", T.verifyEmailMail({ appUrl, token: "t", expiresInHours: 24, locale })],
  [
    "changeConfirm",
    T.confirmEmailChangeMail({ appUrl, token: "t", newEmail: "a@b.c", expiresInHours: 2, locale }),
  ],
  [
    "changed",
    T.emailChangedNoticeMail({ name: evil, newEmail: "jane@x.test", changedAt: d, locale }),
  ],
  ["changeAttempt", T.emailChangeAttemptMail({ name: evil, locale })],
  ["passwordChanged", T.passwordChangedMail({ appUrl, name: evil, changedAt: d, locale })],
  [
    "security",
    T.securityReportMail({
      appUrl,
      name: evil,
      reportedAt: d,
      what: "x",
      sessionsEnded: 2,
      tokensRevoked: 3,
      locale,
    }),
  ],
  [
    "newsletter",
    T.newsletterConfirmMail({ appUrl, name: evil, token: "t", newsletter: "News", locale }),
  ],
  [
    "impersonation",
    T.impersonationStartedMail({
      appUrl,
      name: evil,
      agentName: "Sam",
      ticket: "SUP-1",
      startedAt: d,
      locale,
    }),
  ],
  ["reset", A.passwordResetMail({ appUrl, name: evil, token: "t", expiresInHours: 1, locale })],
  ["signUpExisting", A.signUpExistingAccountMail({ appUrl, name: evil, locale })],
  [
    "erasureScheduled",
    E.erasureScheduledMail({
      appUrl,
      name: evil,
      reference: "R-1",
      scheduledFor: d,
      token: "t",
      locale,
    }),
  ],
  ["erasureCancelled", E.erasureCancelledMail({ name: evil, reference: "R-1", locale })],
  [
    "erasureReceipt",
    E.erasureReceiptMail({
      name: evil,
      reference: "R-1",
      lines: [
        { table: "print_jobs", action: "delete", rows: 3 },
        { table: "audit", action: "anonymise", rows: 1, how: "H.", basis: "B." },
      ],
      locale,
    }),
  ],
  [
    "reminder",
    R.requestReminderMail({
      appUrl,
      name: evil,
      reference: "R-1",
      kind: "access",
      dueAt: d,
      path: "/x",
      locale,
    }),
  ],
  [
    "digest",
    R.overdueDigestMail({
      appUrl,
      name: evil,
      overdue: [{ id: "i", reference: "R-1", kind: "erasure", dueAt: d }],
      locale,
    }),
  ],
  ...(["question", "in_progress", "completed", "denied", "extended"] as const).map(
    (change): [string, MailContent] => [
      `update ${change}`,
      U.requestUpdateMail({
        appUrl,
        name: evil,
        reference: "R-1",
        kind: "objection",
        change,
        text: "Omdat.",
        dueAt: d,
        hasAccount: true,
        locale,
      }),
    ],
  ),
  [
    "breakGlass",
    S.breakGlassStartedMail({
      appUrl,
      name: evil,
      adminName: "Ad",
      justification: "Brand",
      startedAt: d,
      locale,
    }),
  ],
  [
    "campaign",
    renderCampaignMail(
      appUrl,
      evil,
      { subject: "S", body: "a", link: { href: "https://x.test", label: "X" } },
      { openToken: null, clickToken: null, unsubscribeToken: "u" },
      locale,
    ),
  ],
];

/** English words that only appear in the English wording of the key sentences. */
const ENGLISH =
  /\b(your|please|the|we have|which|request for|account was|Hello|regards|Thank you)\b/i;

describe("every mail in Dutch", () => {
  const en = new Map(all("en"));
  for (const [name, nl] of all("nl")) {
    it(`${name}: Dutch subject, text and HTML, no English left, values filled and escaped`, () => {
      const english = en.get(name)!;
      if (name !== "campaign") expect(nl.subject).not.toBe(english.subject);
      expect(nl.text).not.toBe(english.text);
      // Campaign content is the sender's own words; only our wording around it is checked.
      const ours = nl.text.replace(/-- \n.*$/s, "");
      expect(ours).not.toMatch(ENGLISH);
      expect(nl.subject).not.toMatch(ENGLISH);
      expect(`${nl.subject}\n${nl.text}`).not.toMatch(/[{}]/);
      expect(nl.html).toContain('<html lang="nl">');
      expect(nl.html).not.toContain("<b>");
      if (nl.text.includes(evil)) expect(nl.html).toContain("&lt;b&gt;&quot;Jo&quot; &amp; co");
      expect(nl.text).toMatch(/Hallo|Beste/);
    });
  }

  it("spells dates out in Dutch and keeps the UTC label", () => {
    const mail = T.passwordChangedMail({ appUrl, name: "Jo", changedAt: d, locale: "nl" });
    expect(mail.text).toContain("5 maart 2024 om 14:07 UTC");
    expect(mail.subject).toBe("Het wachtwoord van je Privacy Center-account is gewijzigd");
  });

  it("names a reported sign-in with its time in the holder's language, not as a raw ISO time", () => {
    const report = (locale: Locale) =>
      T.securityReportMail({
        appUrl,
        name: "Jo",
        reportedAt: d,
        what: { signInAt: d, ip: null },
        sessionsEnded: 1,
        locale,
      }).text;
    expect(report("nl")).toContain(
      "een inlog op 5 maart 2024 om 14:07 UTC vanaf een onbekend adres",
    );
    expect(report("en")).toContain(
      "a sign-in on 5 March 2024 at 14:07 UTC from an unknown address",
    );
    expect(report("en")).not.toContain("2024-03-05T");
  });
});
