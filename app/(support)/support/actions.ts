"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { failure, invalid, type ActionResult } from "@/lib/actions";
import { clearSessionCookie, cookieSessionId, setSessionCookie } from "@/lib/auth/impersonation";
import { requireRole } from "@/lib/dal/session";
import {
  breakGlass,
  endImpersonation,
  startImpersonation,
  type OpenViewResult,
} from "@/lib/dal/support/impersonation";
import {
  breakGlassSchema,
  openUserSchema,
  type BreakGlassInput,
  type OpenUserInput,
} from "@/lib/validation/support";

/** Why the console could not open the view, in the agent's language. */
async function refusal(reason: "not_found" | "not_allowed" | "no_grant") {
  const t = await getTranslations("support.account");
  if (reason === "not_found") return failure(t("notFound"));
  if (reason === "not_allowed") return failure(t("notAllowed"));
  return failure(t("noGrantForm"), { ticketRef: [t("noGrantField")] });
}

async function enter(result: OpenViewResult): Promise<ActionResult<never>> {
  if (!result.ok) return refusal(result.reason);
  // From here this browser is in the read-only view; the agent's own session waits.
  await setSessionCookie(result.sessionId);
  redirect("/account");
}

/** Agent console: open a user's account under their grant for this ticket. */
export async function openUserAction(input: OpenUserInput): Promise<ActionResult<never>> {
  await requireRole("agent");
  const parsed = openUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return enter(await startImpersonation(parsed.data));
}

/** Admin only: open an account without a grant, with a written justification. */
export async function breakGlassAction(input: BreakGlassInput): Promise<ActionResult<never>> {
  await requireRole("admin");
  const parsed = breakGlassSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return enter(await breakGlass(parsed.data));
}

/**
 * "End session" in the support banner. No requireUser on purpose: it must work just after the
 * view ran out (when the session no longer reads as signed in). Its authority is the signed
 * cookie: it only ends the view that cookie names, and only returns to the agent's own session
 * if that is still live and belongs to the same agent (checked in lib/dal).
 */
export async function endImpersonationAction(): Promise<void> {
  const sid = await cookieSessionId();
  const ended = sid ? await endImpersonation(sid) : null;
  if (!ended) redirect("/");
  if (ended.parentSessionId) {
    await setSessionCookie(ended.parentSessionId);
    redirect("/support");
  }
  await clearSessionCookie();
  redirect("/sign-in");
}
