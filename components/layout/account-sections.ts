import type { CategoryId } from "@/lib/catalog/ids";

/**
 * The signed-in area's sections, grouped as the overview groups them. Each label is the page's
 * own title (messages/<lang>/nav.json), so the menu and the page heading say the same thing.
 * `also` lists paths that belong to the same section (old URLs, sub-pages under another root),
 * so the menu still marks where you are.
 */
export type SectionKey =
  | "overview"
  | "profile"
  | "security"
  | "loginActivity"
  | "accessTokens"
  | "printers"
  | "printJobs"
  | "cura"
  | "diagnostics"
  | "marketing"
  | "consents"
  | "requests"
  | "privacyRequests"
  | "export"
  | "processing"
  | "deleteData"
  | "deleteAccount"
  | "complaint"
  | "supportAccess"
  | "staffAccess"
  | "disclosures";

export type GroupKey = "account" | "devices" | "communication" | "requests";

export type Section = { key: SectionKey; href: string; also?: string[] };

export const overviewSection: Section = { key: "overview", href: "/account" };

export const sectionGroups: { key: GroupKey; sections: Section[] }[] = [
  {
    key: "account",
    sections: [
      { key: "profile", href: "/account/profile" },
      { key: "security", href: "/account/security" },
      { key: "loginActivity", href: "/account/data/login-activity" },
      { key: "accessTokens", href: "/account/data/access-tokens" },
    ],
  },
  {
    key: "devices",
    sections: [
      { key: "printers", href: "/account/data/printers" },
      { key: "printJobs", href: "/account/data/print-jobs" },
      { key: "cura", href: "/account/data/cura-configuration" },
      { key: "diagnostics", href: "/account/data/diagnostics" },
    ],
  },
  {
    key: "communication",
    sections: [
      { key: "marketing", href: "/account/preferences", also: ["/account/data/marketing"] },
      { key: "consents", href: "/account/consents", also: ["/account/data/cookie-consents"] },
    ],
  },
  {
    key: "requests",
    sections: [
      { key: "requests", href: "/account/requests" },
      { key: "privacyRequests", href: "/account/data/privacy-requests" },
      { key: "export", href: "/account/export" },
      { key: "processing", href: "/account/processing" },
      { key: "deleteData", href: "/account/delete-data" },
      { key: "deleteAccount", href: "/account/delete" },
      { key: "complaint", href: "/account/complaint" },
      { key: "supportAccess", href: "/account/support-access" },
      { key: "staffAccess", href: "/account/data/staff-access", also: ["/account/staff-access"] },
      { key: "disclosures", href: "/account/data/disclosures" },
    ],
  },
];

/** The overview's groups of catalog categories (account-sections.test.ts: each exactly once). */
export const categoryGroups: { key: GroupKey; categories: CategoryId[] }[] = [
  { key: "account", categories: ["profile", "login-activity", "access-tokens"] },
  {
    key: "devices",
    categories: ["printers", "print-jobs", "cura-configuration", "diagnostics"],
  },
  { key: "communication", categories: ["marketing", "cookie-consents"] },
  { key: "requests", categories: ["privacy-requests", "staff-access", "disclosures"] },
];

/** The overview's link for a catalog category: the page that shows it (after merged pages). */
export function sectionHrefForCategory(id: CategoryId): string {
  if (id === "profile") return "/account/profile";
  if (id === "marketing") return "/account/preferences";
  if (id === "cookie-consents") return "/account/consents";
  return `/account/data/${id}`;
}

const under = (pathname: string, root: string) =>
  pathname === root || pathname.startsWith(`${root}/`);

/** The section a path belongs to: the longest matching root wins; /account only by itself. */
export function currentSection(pathname: string): SectionKey | null {
  if (pathname === "/account") return "overview";
  let best: { key: SectionKey; length: number } | null = null;
  for (const group of sectionGroups) {
    for (const s of group.sections) {
      for (const root of [s.href, ...(s.also ?? [])]) {
        if (under(pathname, root) && (!best || root.length > best.length)) {
          best = { key: s.key, length: root.length };
        }
      }
    }
  }
  return best?.key ?? null;
}
