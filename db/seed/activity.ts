import { randomUUID } from "node:crypto";
import {
  consentEvents,
  emailEngagementEvents,
  marketingPreferences,
  privacyRequestEvents,
  privacyRequests,
  sessions,
  staffAccessEvents,
  supportAccessGrants,
  thirdPartyDisclosures,
} from "../schema";
import { organisation } from "../../lib/organisation";
import type { SeedConn } from "./copy";
import type { People } from "./demo";
import { DAY, HOUR, MINUTE, type Clock, type Rng } from "./random";
import { COOKIE_VENDORS, MAIL_CLIENTS, NEWSLETTER_CAMPAIGNS } from "./web";

/**
 * Newsletter confirmed with pixel tracking allowed and click tracking refused, so engagement is
 * opens only: the demo shows consent actually limiting what is recorded.
 */
export async function seedMarketing(conn: SeedConn, userId: string, clock: Clock, r: Rng) {
  const confirmedAgo = 330 * DAY;
  await conn.db.insert(marketingPreferences).values({
    userId,
    newsletter: "confirmed",
    topics: ["product_announcements", "software_updates"],
    openTracking: true,
    clickTracking: false,
    profiling: false,
    confirmedAt: clock.ago(confirmedAgo),
    updatedAt: clock.ago(190 * DAY),
  });
  const opens = NEWSLETTER_CAMPAIGNS.flatMap((campaign, i) => {
    const sentAgo = confirmedAgo - (i + 1) * 26 * DAY;
    if (sentAgo < DAY || r.chance(0.25)) return [];
    const mail = r.pick(MAIL_CLIENTS);
    const openedAgo = sentAgo - r.int(10, 36 * 60) * MINUTE;
    return [{ userId, campaign, kind: "open" as const, occurredAt: clock.ago(openedAgo), ...mail }];
  });
  if (opens.length) await conn.db.insert(emailEngagementEvents).values(opens);

  const laptop = randomUUID();
  const phone = randomUUID();
  const consent = (
    device: string,
    scope: "cookies" | "marketing",
    choice: Record<string, boolean>,
    method: "accept_all" | "custom" | "preferences" | "double_opt_in",
    ago: number,
    ipTruncated: string,
  ) => ({
    userId,
    deviceId: device,
    scope,
    // The banner revision belongs to cookie choices; marketing consent is asked by email.
    bannerRevision: scope === "cookies" ? organisation.cookieBannerRevision : null,
    policyVersion: organisation.policyVersion,
    decisions: choice,
    method,
    language: device === phone ? "nl" : "en",
    occurredAt: clock.ago(ago),
    ipTruncated,
  });
  // Truncated as the app stores them: /24 for IPv4, /48 for IPv6.
  const [home, office, mobile] = ["198.51.100.0", "203.0.113.0", "2001:db8:4f2a::"];
  const events = [
    consent(laptop, "cookies", cookieChoice(true, true), "accept_all", 400 * DAY, home),
    consent(laptop, "marketing", marketingChoice(false), "double_opt_in", confirmedAgo, home),
    consent(laptop, "cookies", cookieChoice(true, false), "custom", 240 * DAY, home),
    consent(laptop, "marketing", marketingChoice(true), "preferences", 190 * DAY, office),
    consent(phone, "cookies", cookieChoice(false, false), "custom", 60 * DAY, mobile),
    consent(laptop, "cookies", cookieChoice(true, false), "preferences", 12 * DAY, home),
  ];
  await conn.db.insert(consentEvents).values(events);
  return { emailEngagementEvents: opens.length, consentEvents: events.length };
}

/** Cookie banner choices keyed by vendor id; Hotjar stays off even when analytics is on. */
function cookieChoice(analytics: boolean, advertising: boolean): Record<string, boolean> {
  return Object.fromEntries([
    ...COOKIE_VENDORS.functional.map((id) => [id, true] as const),
    ...COOKIE_VENDORS.analytics.map((id) => [id, analytics && id !== "hotjar"] as const),
    ...COOKIE_VENDORS.advertising.map((id) => [id, advertising] as const),
  ]);
}

function marketingChoice(openTracking: boolean): Record<string, boolean> {
  return {
    newsletter: true,
    product_announcements: true,
    software_updates: true,
    new_content: false,
    open_tracking: openTracking,
    click_tracking: false,
    profiling: false,
  };
}

/** Two closed requests with their timelines: an access request answered, a restriction dropped. */
export async function seedPrivacyRequests(conn: SeedConn, people: People, clock: Clock, r: Rng) {
  const reference = () => `PR-${r.code(4)}-${r.code(2)}`;
  const due = (ago: number) => clock.ago(ago - organisation.responseDeadlineDays * DAY);
  const access = { id: randomUUID(), createdAgo: 240 * DAY };
  const restriction = { id: randomUUID(), createdAgo: 95 * DAY };
  await conn.db.insert(privacyRequests).values([
    {
      id: access.id,
      reference: reference(),
      userId: people.userId,
      kind: "access",
      status: "completed",
      details: "Please send me a copy of everything you hold about me, including print history.",
      createdAt: clock.ago(access.createdAgo),
      dueAt: due(access.createdAgo),
      closedAt: clock.ago(access.createdAgo - 12 * DAY),
    },
    {
      id: restriction.id,
      reference: reference(),
      userId: people.userId,
      kind: "restriction",
      status: "cancelled",
      details: "Stop using my printer telemetry while I check what the S5 sends.",
      createdAt: clock.ago(restriction.createdAgo),
      dueAt: due(restriction.createdAgo),
      closedAt: clock.ago(restriction.createdAgo - 2 * DAY),
    },
  ]);
  const step = (
    request: { id: string; createdAgo: number },
    actorId: string,
    kind: string,
    after: number,
    note: string,
  ) => ({
    requestId: request.id,
    actorId,
    kind,
    note,
    occurredAt: clock.ago(request.createdAgo - after),
  });
  const events = [
    step(access, people.userId, "received", 0, "Submitted in the privacy center"),
    step(
      access,
      people.agentId,
      "in_progress",
      2 * DAY + 3 * HOUR,
      "Identity confirmed by the signed-in session; collecting the data",
    ),
    step(
      access,
      people.adminId,
      "completed",
      12 * DAY,
      "Export of all categories made available for download",
    ),
    step(restriction, people.userId, "received", 0, "Submitted in the privacy center"),
    step(
      restriction,
      people.agentId,
      "in_progress",
      5 * HOUR,
      "Telemetry ingestion paused while the request is open",
    ),
    step(restriction, people.userId, "cancelled", 2 * DAY, "Cancelled by the requester"),
  ];
  await conn.db.insert(privacyRequestEvents).values(events);
  return { privacyRequests: 2, privacyRequestEvents: events.length };
}

/** The policy's two everyday recipients: a reseller (quotation) and a service partner. */
export async function seedDisclosures(
  conn: SeedConn,
  userId: string,
  clock: Clock,
  printers: { model: string; createdAt?: Date }[],
) {
  const ageOf = (model: string, fallback: number) => {
    const created = printers.find((p) => p.model === model)?.createdAt;
    return created ? clock.now - created.getTime() : fallback;
  };
  // The quotation came a month before the printer was connected; the repair while it was in use.
  const quotedAgo = ageOf("Ultimaker S7 Pro Bundle", 380 * DAY) + 30 * DAY;
  const s5Ago = ageOf("Ultimaker S5", 170 * DAY);
  const repairedAgo = Math.max(DAY, Math.min(150 * DAY, s5Ago - 20 * DAY));
  await conn.db.insert(thirdPartyDisclosures).values([
    {
      userId,
      recipientKind: "reseller",
      recipientName: "Benelux 3D Solutions B.V. (authorised reseller)",
      country: "NL",
      purpose: "Quotation you requested for an Ultimaker S7 Pro Bundle",
      categories: ["name", "email", "company", "phone", "country"],
      legalBasis: "contract",
      disclosedAt: clock.ago(quotedAgo),
      reference: "Q-2417-0093",
    },
    {
      userId,
      recipientKind: "service_partner",
      recipientName: "PrintCare Service Partners B.V.",
      country: "NL",
      purpose: "On-site repair of the Ultimaker S5 print head under warranty",
      categories: ["name", "phone", "company", "printer serial number", "diagnostics"],
      legalBasis: "contract",
      disclosedAt: clock.ago(repairedAgo),
      reference: "RMA-58812",
    },
  ]);
  return { thirdPartyDisclosures: 2 };
}

/**
 * A support ticket for which the user granted access for three days; the agent opened a
 * read-only view, looked at three pages and left. The grant has long expired.
 */
export async function seedSupportAccess(conn: SeedConn, people: People, clock: Clock) {
  const ticketRef = "SUP-48213";
  const grantId = randomUUID();
  const sessionId = randomUUID();
  const grantedAgo = 44 * DAY;
  const startAgo = grantedAgo - 5 * HOUR;
  await conn.db.insert(supportAccessGrants).values({
    id: grantId,
    userId: people.userId,
    ticketRef,
    createdAt: clock.ago(grantedAgo),
    expiresAt: clock.ago(grantedAgo - 3 * DAY),
  });
  await conn.db.insert(sessions).values({
    id: sessionId,
    userId: people.userId,
    createdAt: clock.ago(startAgo),
    lastSeenAt: clock.ago(startAgo - 14 * MINUTE),
    expiresAt: clock.ago(startAgo - HOUR),
    revokedAt: clock.ago(startAgo - 14 * MINUTE),
    revokedReason: "impersonation_ended",
    // A support view never records the agent's address or browser on the user's data.
    ip: null,
    userAgent: null,
    device: "Support view",
    impersonatorId: people.agentId,
    readOnly: true,
  });
  const event = (kind: "start" | "page_view" | "end", minutes: number, path: string | null) => ({
    userId: people.userId,
    agentId: people.agentId,
    agentDisplayName: people.agentName,
    grantId,
    sessionId,
    ticketRef,
    kind,
    path,
    reason: kind === "start" ? "Customer reports print jobs missing from the S5's history" : null,
    occurredAt: clock.ago(startAgo - minutes * MINUTE),
  });
  const events = [
    event("start", 0, null),
    event("page_view", 1, "/account/data/printers"),
    event("page_view", 4, "/account/data/print-jobs"),
    event("page_view", 9, "/account/data/diagnostics"),
    event("end", 14, null),
  ];
  await conn.db.insert(staffAccessEvents).values(events);
  return { supportAccessGrants: 1, staffAccessEvents: events.length };
}
