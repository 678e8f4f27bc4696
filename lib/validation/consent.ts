import { z } from "zod";

/** How a cookie choice was made; the same names as the consent_method enum. */
export const cookieConsentMethods = [
  "accept_all",
  "reject_all",
  "custom",
  "gpc",
  "gpc_override",
  "withdraw",
] as const;
export type CookieConsentMethod = (typeof cookieConsentMethods)[number];

/** What the browser sends when the visitor makes a cookie choice. Vendor ids are checked later. */
export const cookieChoiceSchema = z.object({
  deviceId: z.uuid(),
  revision: z.number().int().min(1),
  method: z.enum(cookieConsentMethods),
  decisions: z.record(z.string().regex(/^[a-z0-9-]{1,60}$/), z.boolean()),
  language: z.enum(["en", "nl"]),
});
export type CookieChoiceInput = z.infer<typeof cookieChoiceSchema>;

export const newsletterTopics = [
  "product_announcements",
  "software_updates",
  "new_content",
] as const;
export type NewsletterTopic = (typeof newsletterTopics)[number];

/** The marketing-email preferences form. */
export const marketingPreferencesSchema = z
  .object({
    newsletter: z.boolean(),
    topics: z.array(z.enum(newsletterTopics)).max(newsletterTopics.length),
    openTracking: z.boolean(),
    clickTracking: z.boolean(),
    profiling: z.boolean(),
  })
  .refine((v) => !v.newsletter || v.topics.length > 0, {
    path: ["topics"],
    message: "validation.marketing.topics",
  });
export type MarketingPreferencesInput = z.infer<typeof marketingPreferencesSchema>;

export const campaignSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{3,60}$/, "validation.campaign.name"),
  topic: z.enum(newsletterTopics),
  subject: z
    .string()
    .trim()
    .min(3, "validation.campaign.subject")
    .max(150, "validation.campaign.subject"),
  body: z.string().trim().min(10, "validation.campaign.body").max(5000, "validation.campaign.body"),
  linkUrl: z.url({ protocol: /^https$/, error: "validation.campaign.https" }),
  linkLabel: z
    .string()
    .trim()
    .min(2, "validation.campaign.linkLabel")
    .max(80, "validation.campaign.linkLabel"),
});
export type CampaignInput = z.infer<typeof campaignSchema>;
