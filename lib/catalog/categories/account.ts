import type { DataCategory } from "../types";

const f = (name: string, description: string) => ({ name, description });

/** Categories about the account itself: who you are, how you sign in, and your API keys. */
export const accountCategories: DataCategory[] = [
  {
    id: "profile",
    title: "Profile and account",
    summary: "Who you are, so we can run your account and reach you.",
    purpose:
      "To create and run your account, sign you in, and contact you about your account and requests.",
    legalBasis: "contract",
    retention: { description: "For as long as you keep your account." },
    recipients: ["Our support team", "Our email delivery provider"],
    source: "You, when you signed up or edited your profile",
    userCanDelete: false,
    restrictable: false,
    timeSeries: false,
    tables: [
      {
        table: "users",
        description: "Your account",
        fields: [
          f("email", "The address you sign in with"),
          f("name", "Your name"),
          f("company", "The company you work for, if you told us"),
          f("country", "Your country"),
          f("phone", "Your phone number, if you told us"),
          f("language", "The language we write to you in"),
          f("role", "Whether you are a customer or a member of staff"),
          f("created_at", "When you created the account"),
        ],
      },
      {
        table: "verification_tokens",
        description: "Links we emailed you to confirm an address or a change",
        fields: [
          f("purpose", "What the link confirms"),
          f("new_email", "The new address, for an email change"),
          f("expires_at", "When the link stops working"),
          f("used_at", "When you followed it"),
        ],
      },
      {
        table: "email_outbox",
        description: "Emails we sent you about your account",
        fields: [
          f("kind", "What the email was about"),
          f("to_address", "Where it went"),
          f("subject", "Its subject"),
          f("sent_at", "When it was delivered"),
        ],
      },
    ],
  },
  {
    id: "login-activity",
    title: "Sign-in activity",
    summary: "When and from where your account was signed in to, to keep it safe.",
    purpose:
      "To protect your account: spot sign-ins that were not you, limit password guessing, and let you end sessions.",
    legalBasis: "legitimate_interest",
    retention: { description: "13 months, then deleted.", days: 395 },
    recipients: ["Our security and support teams"],
    source: "Your browser, each time you sign in",
    userCanDelete: false,
    restrictable: false,
    timeSeries: true,
    tables: [
      {
        table: "login_events",
        description: "Each attempt to sign in to your account",
        fields: [
          f("occurred_at", "When"),
          f("ip", "The IP address the attempt came from"),
          f("user_agent", "Your browser and operating system"),
          f("outcome", "Whether it succeeded"),
          f("reason", "Why it failed, if it did"),
          f("session_id", "The session it started"),
        ],
      },
      {
        table: "sessions",
        description: "Browsers signed in to your account",
        fields: [
          f("created_at", "When the session started"),
          f("last_seen_at", "When it was last used"),
          f("ip", "IP address at sign-in"),
          f("device", "Browser and operating system"),
          f("revoked_at", "When it was ended"),
        ],
      },
    ],
  },
  {
    id: "access-tokens",
    title: "Access tokens",
    summary: "Keys that let your printers and Cura send data to your account.",
    purpose: "To let printers and Ultimaker Cura connect to your account without your password.",
    legalBasis: "contract",
    retention: { description: "Until you revoke the token, then 90 days.", days: 90 },
    recipients: ["No one outside our company"],
    source: "You, when you created the token; your devices, when they use it",
    userCanDelete: true,
    restrictable: false,
    timeSeries: false,
    tables: [
      {
        table: "access_tokens",
        description: "Your API tokens (we keep only a fingerprint of the secret)",
        fields: [
          f("name", "The name you gave it"),
          f("kind", "Printer or Cura"),
          f("scopes", "What it may do"),
          f("prefix", "Its first characters, to tell tokens apart"),
          f("created_at", "When it was created"),
          f("last_used_at", "When it was last used"),
          f("last_used_ip", "The IP address it was last used from"),
          f("revoked_at", "When it was revoked"),
        ],
      },
    ],
  },
];
