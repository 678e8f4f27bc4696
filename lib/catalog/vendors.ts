export type CookieCategory = "functional" | "analytics" | "advertising";

export type VendorCookie = { name: string; purpose: string; lifetime: string };

export type CookieVendor = {
  id: string;
  name: string;
  company: string;
  category: CookieCategory;
  purpose: string;
  /** Hosts the vendor's scripts and beacons load from; nothing may reach them before consent. */
  hosts: string[];
  /** The script rendered once the vendor is granted. */
  scriptUrl?: string;
  cookies: VendorCookie[];
  /** Google tags honour Consent Mode v2. */
  googleConsentMode?: boolean;
  /** Named in the policy but no longer offered by its maker: listed, never loaded. */
  retired?: { since: string; note: string };
};

const c = (name: string, purpose: string, lifetime: string): VendorCookie => ({
  name,
  purpose,
  lifetime,
});

/** Every vendor the privacy statement names, as the cookie banner and policy page show them. */
export const cookieVendors: CookieVendor[] = [
  {
    id: "google-tag-manager",
    name: "Google Tag Manager",
    company: "Google Ireland Ltd.",
    category: "functional",
    purpose: "Loads the other tags on the site, and only those you allowed.",
    hosts: ["www.googletagmanager.com"],
    scriptUrl: "https://www.googletagmanager.com/gtm.js?id=GTM-PRIVCTR",
    cookies: [],
    googleConsentMode: true,
  },
  {
    id: "myfonts-counter",
    name: "MyFonts Counter",
    company: "Monotype Imaging Inc.",
    category: "functional",
    purpose: "Counts page views for the licence of the fonts the site uses.",
    hosts: ["hello.myfonts.net"],
    scriptUrl: "https://hello.myfonts.net/count/3a7c1e",
    cookies: [],
  },
  {
    id: "google-analytics",
    name: "Google Analytics",
    company: "Google Ireland Ltd.",
    category: "analytics",
    purpose: "Measures how visitors use the site, with IP addresses anonymised.",
    hosts: ["www.google-analytics.com", "region1.google-analytics.com"],
    scriptUrl: "https://www.googletagmanager.com/gtag/js?id=G-PRIVCTR",
    cookies: [
      c("_ga", "Tells visitors apart", "2 years"),
      c("_ga_*", "Keeps the state of a visit", "2 years"),
      c("_gid", "Tells visitors apart for a day", "24 hours"),
    ],
    googleConsentMode: true,
  },
  {
    id: "google-optimize",
    name: "Google Optimize",
    company: "Google Ireland Ltd.",
    category: "analytics",
    purpose: "Tested different versions of pages against each other.",
    hosts: ["www.googleoptimize.com"],
    cookies: [c("_gaexp", "Which variant of an experiment you saw", "90 days")],
    retired: { since: "2023-09-30", note: "Google discontinued Optimize; we no longer load it." },
  },
  {
    id: "hotjar",
    name: "Hotjar",
    company: "Hotjar Ltd.",
    category: "analytics",
    purpose: "Heatmaps, anonymised session recordings, form analytics and surveys.",
    hosts: ["static.hotjar.com", "script.hotjar.com", "vars.hotjar.com"],
    scriptUrl: "https://static.hotjar.com/c/hotjar-3108752.js?sv=6",
    cookies: [
      c("_hjSessionUser_*", "Tells visitors apart", "1 year"),
      c("_hjSession_*", "Keeps the current visit together", "30 minutes"),
    ],
  },
  {
    id: "doubleclick",
    name: "DoubleClick",
    company: "Google Ireland Ltd.",
    category: "advertising",
    purpose: "Shows ads that are relevant, limits how often you see them and reports results.",
    hosts: ["googleads.g.doubleclick.net", "stats.g.doubleclick.net"],
    scriptUrl: "https://googleads.g.doubleclick.net/pagead/viewthroughconversion/918273645/",
    cookies: [c("IDE", "Ad targeting and measurement", "13 months")],
    googleConsentMode: true,
  },
  {
    id: "facebook-custom-audience",
    name: "Facebook Custom Audience",
    company: "Meta Platforms Ireland Ltd.",
    category: "advertising",
    purpose: "Finds existing customers on Facebook and people similar to them.",
    hosts: ["connect.facebook.net", "www.facebook.com"],
    scriptUrl: "https://connect.facebook.net/en_US/fbevents.js#audience",
    cookies: [c("fr", "Ad delivery and measurement", "90 days")],
  },
  {
    id: "facebook-pixel",
    name: "Facebook Pixel",
    company: "Meta Platforms Ireland Ltd.",
    category: "advertising",
    purpose: "Builds ad audiences, measures conversions and targets ads on Facebook.",
    hosts: ["connect.facebook.net", "www.facebook.com"],
    scriptUrl: "https://connect.facebook.net/en_US/fbevents.js",
    cookies: [c("_fbp", "Tells browsers apart for ads", "90 days")],
  },
  {
    id: "google-ads-conversion",
    name: "Google Ads Conversion (formerly AdWords)",
    company: "Google Ireland Ltd.",
    category: "advertising",
    purpose: "Counts how many people act after seeing our ads, and which ads work.",
    hosts: ["www.googleadservices.com"],
    scriptUrl: "https://www.googleadservices.com/pagead/conversion_async.js",
    cookies: [c("_gcl_au", "Links ad clicks to conversions", "90 days")],
    googleConsentMode: true,
  },
  {
    id: "google-ads-user-lists",
    name: "Google Ads User Lists (formerly AdWords)",
    company: "Google Ireland Ltd.",
    category: "advertising",
    purpose: "Remarketing and campaigns aimed at standard audience types.",
    hosts: ["www.googleadservices.com", "googleads.g.doubleclick.net"],
    scriptUrl: "https://www.googleadservices.com/pagead/conversion.js?lists=1",
    cookies: [c("_gcl_aw", "Remembers the ad you came from", "90 days")],
    googleConsentMode: true,
  },
  {
    id: "google-dynamic-remarketing",
    name: "Google Dynamic Remarketing",
    company: "Google Ireland Ltd.",
    category: "advertising",
    purpose: "Shows ads with the products you looked at on our site.",
    hosts: ["googleads.g.doubleclick.net"],
    scriptUrl: "https://googleads.g.doubleclick.net/pagead/viewthroughconversion/dynamic/",
    cookies: [c("IDE", "Ad targeting", "13 months")],
    googleConsentMode: true,
  },
  {
    id: "eloqua",
    name: "Oracle Eloqua",
    company: "Oracle Corporation",
    category: "advertising",
    purpose: "Marketing automation and profiling, as described under marketing profiling.",
    hosts: ["img.en25.com", "s1864.t.eloqua.com"],
    scriptUrl: "https://img.en25.com/i/elqCfg.min.js",
    cookies: [c("ELOQUA", "Recognises you across visits", "13 months")],
  },
  {
    id: "linkedin-ads",
    name: "LinkedIn Ads",
    company: "LinkedIn Ireland Unlimited Company",
    category: "advertising",
    purpose: "Conversion tracking and remarketing on LinkedIn.",
    hosts: ["snap.licdn.com", "px.ads.linkedin.com"],
    scriptUrl: "https://snap.licdn.com/li.lms-analytics/insight.min.js",
    cookies: [c("li_sugr", "Tells browsers apart", "90 days")],
  },
  {
    id: "linkedin-marketing-solutions",
    name: "LinkedIn Marketing Solutions",
    company: "LinkedIn Ireland Unlimited Company",
    category: "advertising",
    purpose: "Conversion tracking and remarketing for sponsored content.",
    hosts: ["snap.licdn.com", "px.ads.linkedin.com"],
    scriptUrl: "https://snap.licdn.com/li.lms-analytics/insight.min.js#lms",
    cookies: [c("bcookie", "Browser identifier", "1 year")],
  },
  {
    id: "bing-uet",
    name: "Microsoft Bing Universal Event Tracking",
    company: "Microsoft Ireland Operations Ltd.",
    category: "advertising",
    purpose: "Conversion tracking and remarketing lists for Microsoft Advertising.",
    hosts: ["bat.bing.com"],
    scriptUrl: "https://bat.bing.com/bat.js",
    cookies: [
      c("_uetsid", "Links visits within a day", "1 day"),
      c("_uetvid", "Links visits over time", "13 months"),
    ],
  },
  {
    id: "outbrain-amplify",
    name: "Outbrain Amplify",
    company: "Outbrain Inc.",
    category: "advertising",
    purpose: "Remarketing through Outbrain's content network.",
    hosts: ["amplify.outbrain.com", "tr.outbrain.com"],
    scriptUrl: "https://amplify.outbrain.com/cp/obtp.js",
    cookies: [c("obuid", "Tells browsers apart", "3 months")],
  },
  {
    id: "outbrain-pixel",
    name: "Outbrain Pixel",
    company: "Outbrain Inc.",
    category: "advertising",
    purpose: "Counts what visitors do after clicking one of our Outbrain ads.",
    hosts: ["tr.outbrain.com"],
    scriptUrl: "https://tr.outbrain.com/pixel?marketerId=privctr",
    cookies: [],
  },
  {
    id: "twitter-advertising",
    name: "X (Twitter) Advertising",
    company: "Twitter International Unlimited Company",
    category: "advertising",
    purpose: "Shows our ads to X users and remarkets based on interests and devices.",
    hosts: ["static.ads-twitter.com", "ads-twitter.com"],
    scriptUrl: "https://static.ads-twitter.com/uwt.js",
    cookies: [c("personalization_id", "Ad personalisation", "13 months")],
  },
  {
    id: "twitter-conversion-tracking",
    name: "X (Twitter) Conversion Tracking",
    company: "Twitter International Unlimited Company",
    category: "advertising",
    purpose: "Counts what visitors do after clicking one of our ads on X.",
    hosts: ["static.ads-twitter.com", "analytics.twitter.com", "t.co"],
    scriptUrl: "https://static.ads-twitter.com/oct.js",
    cookies: [c("muc_ads", "Conversion measurement", "13 months")],
  },
];

export const cookieCategoryInfo: Record<CookieCategory, { title: string; description: string }> = {
  functional: {
    title: "Functional",
    description: "Needed for the site to work. Always on.",
  },
  analytics: {
    title: "Analytics",
    description: "Help us understand how the site is used so we can improve it.",
  },
  advertising: {
    title: "Advertising",
    description: "Let us and our partners show you ads tailored to your interests.",
  },
};

/** Vendors that may still be loaded (retired ones are shown, never loaded). */
export function activeVendors(): CookieVendor[] {
  return cookieVendors.filter((v) => !v.retired);
}
