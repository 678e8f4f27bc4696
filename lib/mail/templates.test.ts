import { describe, expect, it } from "vitest";
import { organisation } from "@/lib/organisation";
import {
  confirmEmailChangeMail,
  emailChangeAttemptMail,
  emailChangedNoticeMail,
  escapeHtml,
  impersonationStartedMail,
  maskEmail,
  newsletterConfirmMail,
  passwordChangedMail,
  securityReportMail,
  verifyEmailMail,
  type MailContent,
} from "./templates";

const appUrl = "https://privacy.example.test/base/";
const evil = `<script>alert("x")</script> Tom & 'Jerry'`;
const when = new Date("2024-03-05T14:07:00Z");

/** Every http(s) URL in a text. */
const links = (text: string) => text.match(/https?:\/\/[^\s<>"']+/g) ?? [];
/** Every href in the HTML, unescaped back to the URL a browser would follow. */
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
    expect(escapeHtml("plain text")).toBe("plain text");
  });
});

describe("mail templates", () => {
  const named = { appUrl, name: evil };
  const all: [string, MailContent][] = [
    ["change attempt", emailChangeAttemptMail({ name: evil })],
    ["old address", emailChangedNoticeMail({ name: evil, newEmail: "n@x.test", changedAt: when })],
    ["password", passwordChangedMail({ ...named, changedAt: when })],
    ["report", securityReportMail({ ...named, reportedAt: when, what: evil, sessionsEnded: 2 })],
    ["newsletter", newsletterConfirmMail({ ...named, token: "t", newsletter: evil })],
    [
      "impersonation",
      impersonationStartedMail({ ...named, agentName: evil, ticket: "T-1", startedAt: when }),
    ],
  ];

  it.each(all)("%s: escapes names in HTML and keeps them readable in text", (_, mail) => {
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; &#39;Jerry&#39;",
    );
    expect(mail.text).toContain(evil);
    expect(mail.html).not.toMatch(/<img|@import|fonts\.googleapis|url\(/i);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  // Anyone can make us send these to any address: no requester-chosen text reaches them.
  const unverified: [string, MailContent][] = [
    ["verify", verifyEmailMail({ appUrl, token: "tok-1", expiresInHours: 24 })],
    [
      "confirm change",
      confirmEmailChangeMail({ appUrl, token: "t", newEmail: "n@x.test", expiresInHours: 1 }),
    ],
  ];

  it.each(unverified)("%s: greets no one by name", (_, mail) => {
    expect(mail.text.startsWith("Hello,\n")).toBe(true);
    expect(mail.html).toContain("Hello,");
    expect(mail.html).not.toContain("<script>");
  });

  it.each([...all, ...unverified])("%s: every link points into appUrl", (_, mail) => {
    for (const link of [...links(mail.text), ...hrefs(mail.html)]) {
      if (link.startsWith("mailto:")) continue;
      expect(link.startsWith("https://privacy.example.test/base/")).toBe(true);
    }
  });

  it("builds token links from appUrl, with the token URL-encoded, in text and HTML alike", () => {
    const mail = verifyEmailMail({ appUrl, token: "a+b/c=", expiresInHours: 24 });
    const expected = "https://privacy.example.test/base/verify-email?token=a%2Bb%2Fc%3D";
    expect(links(mail.text)).toContain(expected);
    expect(hrefs(mail.html)).toContain(expected);
    expect(mail.html).toContain(`href="${expected}"`);
  });

  it("sends the email change link for the new address, and the newsletter opt-in link", () => {
    const change = confirmEmailChangeMail({
      appUrl,
      token: "chg",
      newEmail: "new@x.test",
      expiresInHours: 2,
    });
    expect(links(change.text)).toEqual([
      "https://privacy.example.test/base/confirm-email-change?token=chg",
    ]);
    const news = newsletterConfirmMail({ appUrl, token: "nl", newsletter: "Product news" });
    expect(links(news.text)).toEqual([
      "https://privacy.example.test/base/newsletter/confirm?token=nl",
    ]);
  });

  it("tells the old address about a change without any link that acts on the account", () => {
    const mail = emailChangedNoticeMail({ newEmail: "jane.doe@x.test", changedAt: when });
    expect(links(mail.text)).toEqual([]);
    expect(hrefs(mail.html)).toEqual([]);
    expect(mail.text).toContain(organisation.contactEmail);
    expect(mail.text).toContain("j•••e@x.test");
    expect(mail.text).not.toContain("jane.doe");
    expect(mail.text).toContain("5 March 2024 at 14:07 UTC");
  });

  it("names the agent, ticket and time, and links to the staff access page", () => {
    const mail = impersonationStartedMail({
      appUrl: "https://p.test",
      agentName: "Sam Agent",
      ticket: "SUP-42",
      startedAt: when,
    });
    expect(mail.text).toMatch(/Sam Agent.*5 March 2024 at 14:07 UTC.*SUP-42/);
    expect(links(mail.text)).toEqual(["https://p.test/account/staff-access"]);
  });

  it("keeps line breaks out of subjects built from user input", () => {
    const mail = newsletterConfirmMail({ appUrl, token: "t", newsletter: "News\r\nBcc: x@y.test" });
    expect(mail.subject).toBe("Please confirm your subscription to News Bcc: x@y.test");
  });

  it("says which access tokens a security report revoked, and says nothing when none", () => {
    const base = { appUrl, name: "Sanne", reportedAt: when, what: "a sign-in", sessionsEnded: 2 };
    expect(securityReportMail({ ...base, tokensRevoked: 1 }).text).toContain(
      "signed out 2 signed-in devices and revoked the access token made since then",
    );
    expect(securityReportMail({ ...base, tokensRevoked: 3 }).text).toContain(
      "revoked the 3 access tokens made since then",
    );
    expect(securityReportMail({ ...base, tokensRevoked: 0 }).text).not.toContain("access token");
  });

  it("masks email addresses", () => {
    expect(maskEmail("ab@x.test")).toBe("a•••@x.test");
    expect(maskEmail("nope")).toBe("•••");
  });
});
