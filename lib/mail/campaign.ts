import type { Locale } from "@/lib/i18n/config";
import { mailTranslator } from "./i18n";
import { appLink, escapeHtml, greeting, renderMail, type MailContent } from "./render";

export const emailLinkPaths = {
  open: "/api/email/open",
  click: "/api/email/click",
  oneClickUnsubscribe: "/api/email/unsubscribe",
  unsubscribePage: "/unsubscribe",
} as const;

export type CampaignContent = {
  subject: string;
  body: string;
  link: { href: string; label: string };
};

export type RecipientTracking = {
  /** Signed pixel token, only for a recipient who allowed open tracking. */
  openToken: string | null;
  /** Signed click token for the link, only for a recipient who allowed click tracking. */
  clickToken: string | null;
  unsubscribeToken: string;
};

/**
 * One recipient's copy of a campaign. The pixel and the rewritten link appear only when the
 * recipient's token for them is given, i.e. only when they allowed it. Every copy carries
 * RFC 8058 one-click unsubscribe headers and a visible unsubscribe link.
 */
export function renderCampaignMail(
  appUrl: string,
  name: string | null,
  content: CampaignContent,
  tracking: RecipientTracking,
  /** The recipient's language, for the greeting and the unsubscribe footer around the content. */
  locale: Locale = "en",
): MailContent & { headers: Record<string, string> } {
  const href = tracking.clickToken
    ? appLink(appUrl, `${emailLinkPaths.click}/${tracking.clickToken}`)
    : content.link.href;
  const unsubscribePage = appLink(appUrl, emailLinkPaths.unsubscribePage, {
    token: tracking.unsubscribeToken,
  });
  const t = mailTranslator(locale);
  const mail = renderMail(
    content.subject,
    [
      greeting(name, locale),
      ...content.body.split(/\n{2,}/),
      { href, label: content.link.label },
      t("newsletter.campaign.why"),
      { href: unsubscribePage, label: t("newsletter.campaign.unsubscribe") },
    ],
    locale,
  );
  let html = mail.html;
  if (tracking.openToken) {
    const pixel = appLink(appUrl, `${emailLinkPaths.open}/${tracking.openToken}`);
    html = html.replace(
      "</body>",
      `<img src="${escapeHtml(pixel)}" width="1" height="1" alt="" style="display:block;border:0">\n</body>`,
    );
  }
  const oneClick = appLink(
    appUrl,
    `${emailLinkPaths.oneClickUnsubscribe}/${tracking.unsubscribeToken}`,
  );
  return {
    ...mail,
    html,
    headers: {
      "List-Unsubscribe": `<${oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
