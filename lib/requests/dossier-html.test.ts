import { describe, expect, it } from "vitest";
import { renderDossierDocument } from "./dossier-html";

const base = {
  locale: "en" as const,
  holder: { name: "Ann <script>", email: "ann@example.test" },
  generatedAt: new Date("2026-03-01T10:00:00Z"),
  authority: { name: "Autoriteit Persoonsgegevens", url: "https://autoriteitpersoonsgegevens.nl" },
  organisation: { name: "Ultimaker B.V.", contactEmail: "privacy@ultimaker.com" },
};

describe("complaint dossier", () => {
  it("renders each request with its timeline, escaping everything", () => {
    const html = renderDossierDocument({
      ...base,
      requests: [
        {
          reference: "PR-ABCD-EF",
          kind: "access",
          status: "completed",
          details: 'Send me "everything" & more',
          createdAt: new Date("2026-01-01T09:00:00Z"),
          dueAt: new Date("2026-01-31T09:00:00Z"),
          extendedAt: null,
          extensionReason: null,
          closedAt: new Date("2026-01-10T09:00:00Z"),
          overdue: false,
          events: [
            {
              kind: "received",
              note: null,
              occurredAt: new Date("2026-01-01T09:00:00Z"),
              by: "you",
            },
            {
              kind: "completed",
              note: "<b>Here</b>",
              occurredAt: new Date("2026-01-10T09:00:00Z"),
              by: "us",
            },
          ],
        },
      ],
    });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("PR-ABCD-EF: Get a copy of my data");
    expect(html).toContain("<td>Completed</td>");
    expect(html).toContain("&lt;b&gt;Here&lt;/b&gt;");
    expect(html).toContain("Ann &lt;script&gt;");
    expect(html).toContain("&quot;everything&quot; &amp; more");
    expect(html).not.toContain("<script>");
    expect(html).toContain("@media print");
    expect(html).toContain("1 Jan 2026, 09:00 UTC");
  });

  it("says so when there are no requests", () => {
    expect(renderDossierDocument({ ...base, requests: [] })).toContain("no privacy requests");
  });

  it("speaks the holder's language, times still in UTC", () => {
    const html = renderDossierDocument({
      ...base,
      locale: "nl",
      requests: [
        {
          reference: "PR-ABCD-EF",
          kind: "access",
          status: "in_progress",
          details: null,
          createdAt: new Date("2026-03-01T09:00:00Z"),
          dueAt: new Date("2026-03-31T09:00:00Z"),
          extendedAt: null,
          extensionReason: null,
          closedAt: null,
          overdue: true,
          events: [
            {
              kind: "received",
              note: null,
              occurredAt: new Date("2026-03-01T09:00:00Z"),
              by: "you",
            },
          ],
        },
      ],
    });
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("Dossier van privacyverzoeken");
    expect(html).toContain("1 verzoek, nieuwste eerst. Tijden zijn in UTC.");
    expect(html).toContain("1 mrt 2026, 09:00 UTC");
    expect(html).toContain("te laat");
    expect(html).not.toMatch(/Answer due by|Timeline of|newest first/);
  });
});
