/** Browsers, mail programs, addresses and consent vocabulary for the demo's web activity. */

export type Browser = { ua: string; device: string };

/** Real user-agent strings; `device` is what the app derives from them. */
export const BROWSERS: readonly Browser[] = [
  {
    device: "Firefox on Linux",
    ua: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  },
  {
    device: "Firefox on Windows",
    ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
  },
  {
    device: "Chrome on Windows",
    ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  },
  {
    device: "Chrome on macOS",
    ua: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  },
  {
    device: "Safari on macOS",
    ua: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  },
  {
    device: "Edge on Windows",
    ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87",
  },
  {
    device: "Mobile Safari on iOS",
    ua: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  },
  {
    device: "Chrome on Android",
    ua: "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36",
  },
];

/** The demo user's mail programs, as a tracking pixel sees them. */
export const MAIL_CLIENTS = [
  {
    ip: "198.51.100.23",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.12.2",
  },
  {
    ip: "203.0.113.45",
    userAgent: "Mozilla/4.0 (compatible; ms-office; MSOffice 16) Microsoft Outlook 16.0.17726; Pro",
  },
  {
    ip: "2001:db8:4f2a:10::1a3",
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
  },
] as const;

/**
 * Documentation address ranges only (RFC 5737, RFC 3849): demo data must never name a real
 * network, and tests assert that every seeded IP falls inside these.
 */
export const DOC_V4_PREFIXES = ["192.0.2.", "198.51.100.", "203.0.113."] as const;
export const DOC_V6_PREFIX = "2001:db8:";

/** Vendor ids of the cookie catalog (lib/catalog/vendors.ts), by banner category. */
export const COOKIE_VENDORS = {
  functional: ["google-tag-manager", "myfonts-counter"],
  analytics: ["google-analytics", "google-optimize", "hotjar"],
  advertising: [
    "doubleclick",
    "facebook-custom-audience",
    "facebook-pixel",
    "google-ads-conversion",
    "google-ads-user-lists",
    "google-dynamic-remarketing",
    "eloqua",
    "linkedin-ads",
    "linkedin-marketing-solutions",
    "bing-uet",
    "outbrain-amplify",
    "outbrain-pixel",
    "twitter-advertising",
    "twitter-conversion-tracking",
  ],
} as const;

export const NEWSLETTER_CAMPAIGNS = [
  "Cura 5.4 release",
  "Spring materials update",
  "Digital Factory: print queues",
  "Cura 5.5 release",
  "Ultimaker S7 Pro Bundle launch",
  "Design for additive manufacturing webinar",
  "Cura 5.6 release",
  "Tough PLA application guide",
  "Year in review",
  "Cura 5.7 release",
  "Method series meets Cura",
  "Nylon printing tips",
] as const;
