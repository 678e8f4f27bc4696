import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import {
  consentEvents,
  emailEngagementEvents,
  marketingPreferences,
  privacyRequests,
  staffAccessEvents,
  supportAccessGrants,
  thirdPartyDisclosures,
} from "@/db/schema";
import { requireSession } from "@/lib/dal/session";
import { cursorKey, keyset, type Page, type PageInput } from "./keyset";

// Read-only views of records whose full features belong to other issues (consent and
// marketing: issue 6; requests: issue 5/6; staff access: issue 7).

export type MarketingPreferencesDTO = {
  newsletter: "off" | "pending" | "confirmed";
  topics: string[];
  openTracking: boolean;
  clickTracking: boolean;
  profiling: boolean;
  updatedAt: Date;
};

export async function getMyMarketingPreferences(): Promise<MarketingPreferencesDTO | null> {
  const { user } = await requireSession();
  const db = await getDb();
  const [row] = await db
    .select({
      newsletter: marketingPreferences.newsletter,
      topics: marketingPreferences.topics,
      openTracking: marketingPreferences.openTracking,
      clickTracking: marketingPreferences.clickTracking,
      profiling: marketingPreferences.profiling,
      updatedAt: marketingPreferences.updatedAt,
    })
    .from(marketingPreferences)
    .where(eq(marketingPreferences.userId, user.id));
  return row ?? null;
}

export type EngagementDTO = {
  id: number;
  campaign: string;
  kind: "open" | "click";
  url: string | null;
  occurredAt: Date;
};

export async function listMyEmailEngagement(input: PageInput): Promise<Page<EngagementDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const t = emailEngagementEvents;
  const k = keyset(t.occurredAt, t.id, "bigint", input);
  const rows = await db
    .select({
      _k: cursorKey(t.occurredAt),
      id: t.id,
      campaign: t.campaign,
      kind: t.kind,
      url: t.url,
      occurredAt: t.occurredAt,
    })
    .from(t)
    .where(and(eq(t.userId, user.id), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}

export type ConsentDTO = {
  id: number;
  scope: "cookies" | "marketing";
  method: string;
  decisions: Record<string, boolean>;
  bannerRevision: number | null;
  policyVersion: string;
  occurredAt: Date;
};

export async function listMyConsents(input: PageInput): Promise<Page<ConsentDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const t = consentEvents;
  const k = keyset(t.occurredAt, t.id, "bigint", input);
  const rows = await db
    .select({
      _k: cursorKey(t.occurredAt),
      id: t.id,
      scope: t.scope,
      method: t.method,
      decisions: t.decisions,
      bannerRevision: t.bannerRevision,
      policyVersion: t.policyVersion,
      occurredAt: t.occurredAt,
    })
    .from(t)
    .where(and(eq(t.userId, user.id), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}

export type PrivacyRequestDTO = {
  id: string;
  reference: string;
  kind: string;
  status: string;
  createdAt: Date;
  dueAt: Date;
  closedAt: Date | null;
};

export async function listMyPrivacyRequests(input: PageInput): Promise<Page<PrivacyRequestDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const t = privacyRequests;
  const k = keyset(t.createdAt, t.id, "uuid", input);
  const rows = await db
    .select({
      _k: cursorKey(t.createdAt),
      id: t.id,
      reference: t.reference,
      kind: t.kind,
      status: t.status,
      createdAt: t.createdAt,
      dueAt: t.dueAt,
      closedAt: t.closedAt,
    })
    .from(t)
    .where(and(eq(t.userId, user.id), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}

export type StaffAccessDTO = {
  id: number;
  agent: string;
  kind: string;
  ticketRef: string | null;
  path: string | null;
  reason: string | null;
  occurredAt: Date;
};

export async function listMyStaffAccess(input: PageInput): Promise<Page<StaffAccessDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const t = staffAccessEvents;
  const k = keyset(t.occurredAt, t.id, "bigint", input);
  const rows = await db
    .select({
      _k: cursorKey(t.occurredAt),
      id: t.id,
      agent: t.agentDisplayName,
      kind: t.kind,
      ticketRef: t.ticketRef,
      path: t.path,
      reason: t.reason,
      occurredAt: t.occurredAt,
    })
    .from(t)
    .where(and(eq(t.userId, user.id), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}

export type SupportGrantDTO = {
  id: string;
  ticketRef: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
};

export async function listMySupportGrants(): Promise<SupportGrantDTO[]> {
  const { user } = await requireSession();
  const db = await getDb();
  const t = supportAccessGrants;
  return db
    .select({
      id: t.id,
      ticketRef: t.ticketRef,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      revokedAt: t.revokedAt,
    })
    .from(t)
    .where(eq(t.userId, user.id))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(100);
}

export type DisclosureDTO = {
  id: string;
  recipientKind: string;
  recipientName: string;
  country: string | null;
  purpose: string;
  categories: string[];
  legalBasis: string;
  disclosedAt: Date;
  reference: string | null;
};

export async function listMyDisclosures(input: PageInput): Promise<Page<DisclosureDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const t = thirdPartyDisclosures;
  const k = keyset(t.disclosedAt, t.id, "uuid", input);
  const rows = await db
    .select({
      _k: cursorKey(t.disclosedAt),
      id: t.id,
      recipientKind: t.recipientKind,
      recipientName: t.recipientName,
      country: t.country,
      purpose: t.purpose,
      categories: t.categories,
      legalBasis: t.legalBasis,
      disclosedAt: t.disclosedAt,
      reference: t.reference,
    })
    .from(t)
    .where(and(eq(t.userId, user.id), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}
