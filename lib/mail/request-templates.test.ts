import { describe, expect, it } from "vitest";
import {
  confirmPublicRequestMail,
  requestCancelledMail,
  requestReceivedMail,
} from "./request-templates";

const received = {
  appUrl: "https://privacy.example.com",
  name: "Sanne",
  reference: "PR-2026-0042",
  kind: "access",
  dueAt: new Date("2027-01-05T10:30:00Z"),
  dueDays: 30,
  trackerPath: "/account/requests/PR-2026-0042",
};

describe("request mail in the recipient's language", () => {
  it("stays as it was in English", () => {
    const mail = requestReceivedMail(received);
    expect(mail.subject).toBe("We received your request PR-2026-0042");
    expect(mail.text).toContain("Hello Sanne,");
    expect(mail.text).toContain(
      'We received your request "Get a copy of my data". Its reference is PR-2026-0042.',
    );
    expect(mail.text).toContain("We answer within 30 days: by 5 January 2027 at 10:30 UTC");
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain("Or copy this address into your browser:");
  });

  it("is Dutch for a Dutch holder: subject, body, dates, links", () => {
    const mail = requestReceivedMail({ ...received, locale: "nl" });
    expect(mail.subject).toBe("We hebben je verzoek PR-2026-0042 ontvangen");
    expect(mail.text).toContain("Hallo Sanne,");
    expect(mail.text).toContain('je verzoek "Een kopie van mijn gegevens"');
    expect(mail.text).toContain(
      "binnen 30 dagen antwoord: uiterlijk op 5 januari 2027 om 10:30 UTC",
    );
    expect(mail.text).toContain("Volg je verzoek:\nhttps://privacy.example.com/account/requests/");
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain("Of kopieer dit adres naar je browser:");
    expect(mail.text).not.toMatch(/\b(We received|Hello|Thank you)\b/);
  });

  it("cancellation and the public form's confirmation are Dutch too", () => {
    const cancelled = requestCancelledMail({ ...received, locale: "nl" });
    expect(cancelled.subject).toBe("Je verzoek PR-2026-0042 is ingetrokken");
    expect(cancelled.text).toContain("Bekijk het verzoek");
    const confirm = confirmPublicRequestMail({
      appUrl: "https://privacy.example.com",
      token: "prq_x",
      kind: "erasure",
      expiresInHours: 24,
      dueDays: 1,
      locale: "nl",
    });
    expect(confirm.subject).toBe("Bevestig je privacyverzoek");
    expect(confirm.text).toContain("Mijn gegevens verwijderen");
    expect(confirm.text).toContain("binnen 1 dag na je bevestiging");
    expect(confirm.text).toContain("Hallo,");
  });
});
