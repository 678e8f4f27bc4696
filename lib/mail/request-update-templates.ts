import type { Locale } from "@/lib/i18n/config";
import { organisation } from "@/lib/organisation";
import type { RequestKind } from "@/lib/requests/clock";
import { mailTranslator, requestWords } from "./i18n";
import {
  appLink,
  formatTime,
  greeting,
  renderMail,
  signOff,
  type Block,
  type MailContent,
} from "./render";

/** What staff did to a request that the requester is told about (an internal note is not). */
export type RequestUpdateChange = "question" | "in_progress" | "completed" | "denied" | "extended";

/** The holder's tracker for a request; visitors without an account have none to sign in to. */
export const requestTrackerPath = (reference: string) =>
  `/account/requests/${encodeURIComponent(reference)}`;

/**
 * One mail for every visible change to a privacy request. The text staff wrote (question,
 * answer, reason) is quoted whole: it is the answer the requester is owed, in the words staff
 * wrote it in; everything around it is in the requester's language.
 */
export function requestUpdateMail(p: {
  appUrl: string;
  name?: string | null;
  reference: string;
  kind: RequestKind;
  change: RequestUpdateChange;
  /** The question, answer or reason staff wrote; none for "in progress". */
  text?: string | null;
  dueAt: Date;
  /** True when the requester has an account to read the request in. */
  hasAccount: boolean;
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  const what = { words: requestWords(locale)(`kind.${p.kind}.words`), reference: p.reference };
  const at = formatTime(p.dueAt, locale);
  const subject = { reference: p.reference };
  const quoted = p.text ? [p.text] : [];
  const by = {
    question: {
      subject: t("update.question.subject", subject),
      blocks: [t("update.question.body", what), ...quoted, t("update.question.answerBy", { at })],
    },
    in_progress: {
      subject: t("update.inProgress.subject", subject),
      blocks: [t("update.inProgress.body", { ...what, at })],
    },
    completed: {
      subject: t("update.completed.subject", subject),
      blocks: [t("update.completed.body", what), ...quoted],
    },
    denied: {
      subject: t("update.denied.subject", subject),
      blocks: [
        t("update.denied.body", what),
        ...quoted,
        t("update.denied.complain", {
          authority: organisation.supervisoryAuthority.name,
          url: organisation.supervisoryAuthority.url,
        }),
      ],
    },
    extended: {
      subject: t("update.extended.subject", subject),
      blocks: [t("update.extended.body", { ...what, at }), ...quoted],
    },
  }[p.change];
  const link: Block[] = p.hasAccount
    ? [
        t("update.follow"),
        { href: appLink(p.appUrl, requestTrackerPath(p.reference)), label: t("update.see") },
      ]
    : [];
  return renderMail(
    by.subject,
    [
      greeting(p.name, locale),
      ...by.blocks,
      ...link,
      t("update.questions", { contact: organisation.contactEmail, reference: p.reference }),
      signOff(locale, "regards"),
    ],
    locale,
  );
}
