import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/i18n/local-time";
import type { StaffVisitDTO } from "@/lib/dal/support/staff-access";

/** What a refused change was, in words: the audit's action name → a key of security.staff. */
const ATTEMPTS = {
  "profile.update": "attempt.profile_update",
  "profile.email_change": "attempt.profile_email_change",
  "auth.password_change": "attempt.auth_password_change",
  "auth.reauthenticate": "attempt.auth_reauthenticate",
  "auth.reported_not_me": "attempt.auth_reported_not_me",
  "session.revoke": "attempt.session_revoke",
  "support.grant": "attempt.support_grant",
  "support.revoke": "attempt.support_revoke",
} as const;
const isAttempt = (a: string | null): a is keyof typeof ATTEMPTS =>
  !!a && Object.hasOwn(ATTEMPTS, a);

/** How a view ended, as the data layer notes it (English), in the viewer's language. */
const END_NOTES: Record<string, "endNote.agent" | "endNote.timeLimit" | "endNote.withdrawn"> = {
  "The agent ended the view": "endNote.agent",
  "The time limit was reached": "endNote.timeLimit",
  "You withdrew the access": "endNote.withdrawn",
};

/** One support view: who, when, why, every page they opened and every change they tried. */
export function Visit({ v }: { v: StaffVisitDTO }) {
  const t = useTranslations("security.staff");
  const attempt = (action: string | null) =>
    isAttempt(action) ? t(ATTEMPTS[action]) : t("attempt.other");
  const endNote = (note: string) => (END_NOTES[note] ? t(END_NOTES[note]) : note.toLowerCase());
  return (
    <article
      aria-labelledby={`visit-${v.id}`}
      className="space-y-2 border-b border-slate-200 pb-4 last:border-0"
    >
      <h3 id={`visit-${v.id}`} className="font-semibold break-words">
        {v.agentName} · <LocalTime value={v.startedAt} />
        {v.breakGlass && (
          <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-900">
            {t("withoutPermission")}
          </span>
        )}
      </h3>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t("ticket")}</dt>
        <dd className="break-words">{v.ticketRef ?? t("noTicket")}</dd>
        <dt className="text-slate-600">{t("reason")}</dt>
        <dd className="break-words">{v.reason ?? "—"}</dd>
        <dt className="text-slate-600">{t("ended")}</dt>
        <dd>
          {v.endedAt ? (
            <>
              <LocalTime value={v.endedAt} />
              {v.endNote && ` (${endNote(v.endNote)})`}
            </>
          ) : (
            t("stillOpen")
          )}
        </dd>
      </dl>
      <div className="text-sm">
        <h4 className="font-medium">{t("pagesViewed")}</h4>
        {v.pages.length === 0 ? (
          <p className="text-slate-700">{t("noPages")}</p>
        ) : (
          <ol className="list-inside list-decimal">
            {v.pages.map((p, i) => (
              <li key={i} className="break-words">
                <span className="font-mono break-all">{p.path}</span>{" "}
                <LocalTime value={p.at} style="time" className="text-slate-600" />
              </li>
            ))}
          </ol>
        )}
      </div>
      {v.refused.length > 0 && (
        <div className="text-sm">
          <h4 className="font-medium">{t("refusedTitle")}</h4>
          <ul className="list-inside list-disc">
            {v.refused.map((r, i) => (
              <li key={i} className="break-words">
                {r.path
                  ? t.rich("triedOn", {
                      what: attempt(r.action),
                      path: () => <span className="font-mono break-all">{r.path}</span>,
                    })
                  : t("tried", { what: attempt(r.action) })}{" "}
                <LocalTime value={r.at} style="time" className="text-slate-600" />
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
