"use server";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalid, ok, refusal, type ActionResult } from "@/lib/actions";
import { authCookies } from "@/lib/auth/cookies";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { getCurrentSession, requireUser } from "@/lib/dal/session";
import { changeMyPassword, requestMyEmailChange, updateMyProfile } from "@/lib/dal/account";
import { signOutSession } from "@/lib/dal/support/impersonation";
import {
  reauthenticate,
  reportSignInNotMe,
  revokeMyOtherSessions,
  revokeMySession,
} from "@/lib/dal/sessions";
import {
  emailChangeSchema,
  passwordChangeSchema,
  reauthSchema,
  type EmailChangeInput,
  type PasswordChangeInput,
} from "@/lib/validation/auth";
import { profileSchema, type ProfileInput } from "@/lib/validation/profile";

// Every action: who is asking (requireUser) → parse (zod) → DAL (which checks again and
// refuses read-only sessions) → revalidate → typed result.

export async function updateProfileAction(
  input: ProfileInput,
): Promise<ActionResult<{ changed: string[] }>> {
  await requireUser();
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await updateMyProfile(parsed.data);
    // A new language changes every page, the root layout's <html lang> and messages included.
    revalidatePath(result.changed.includes("language") ? "/" : "/account", "layout");
    return ok(result);
  } catch (error) {
    return refusal(error);
  }
}

export async function requestEmailChangeAction(
  input: EmailChangeInput,
): Promise<ActionResult<{ sentTo: string }>> {
  await requireUser();
  const parsed = emailChangeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const outcome = await requestMyEmailChange(parsed.data.newEmail);
    if (outcome === "same") {
      const same = (await getTranslations("profile"))("email.same");
      return failure(same, { newEmail: [same] });
    }
    return ok({ sentTo: parsed.data.newEmail });
  } catch (error) {
    return refusal(error);
  }
}

export async function changePasswordAction(input: PasswordChangeInput): Promise<ActionResult> {
  const user = await requireUser();
  const parsed = passwordChangeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const weakness = passwordWeakness(parsed.data.password, [user.email, user.name]);
  if (weakness) {
    const weak = (await getTranslations("validation"))("password.weak");
    return failure(weak, { password: [weakness] });
  }
  try {
    const outcome = await changeMyPassword(parsed.data.currentPassword, parsed.data.password);
    if (outcome === "signed_out") return await signedOutAfterTooManyPasswords();
    if (outcome === "wrong_password") {
      const t = await getTranslations("security.password");
      return failure(t("wrongCurrent"), { currentPassword: [t("wrongCurrentField")] });
    }
    revalidatePath("/account/security");
    return ok(null);
  } catch (error) {
    return refusal(error);
  }
}

const idSchema = z.uuid();

export async function revokeSessionAction(sessionId: string): Promise<ActionResult> {
  await requireUser();
  const parsed = idSchema.safeParse(sessionId);
  if (!parsed.success) return failure((await getTranslations("security"))("sessions.unknown"));
  try {
    if (!(await revokeMySession(parsed.data)))
      return failure((await getTranslations("security"))("sessions.gone"));
    revalidatePath("/account/security");
    return ok(null);
  } catch (error) {
    return refusal(error);
  }
}

export async function revokeOtherSessionsAction(): Promise<ActionResult<{ ended: number }>> {
  await requireUser();
  try {
    const ended = await revokeMyOtherSessions();
    revalidatePath("/account/security");
    return ok({ ended });
  } catch (error) {
    return refusal(error);
  }
}

export async function reportNotMeAction(eventId: number): Promise<ActionResult> {
  await requireUser();
  const parsed = z.number().int().positive().safeParse(eventId);
  const unknown = async () => failure((await getTranslations("security"))("notMe.unknown"));
  if (!parsed.success) return unknown();
  try {
    if (!(await reportSignInNotMe(parsed.data))) return unknown();
  } catch (error) {
    return refusal(error);
  }
  await clearSessionCookies();
  redirect("/sign-in?reported=1");
}

export async function reauthenticateAction(input: { password: string }): Promise<ActionResult> {
  await requireUser();
  const parsed = reauthSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const outcome = await reauthenticate(parsed.data.password);
    if (outcome === "signed_out") return await signedOutAfterTooManyPasswords();
    if (outcome === "ok") return ok(null);
    return failure((await getTranslations("security"))("stepUp.wrongPassword"));
  } catch (error) {
    return refusal(error); // a support view may not step up
  }
}

/** The DAL ended this session after too many wrong passwords: clear the cookie, say why. */
async function signedOutAfterTooManyPasswords(): Promise<never> {
  await clearSessionCookies();
  redirect("/sign-in?ended=attempts");
}

async function clearSessionCookies() {
  const jar = await cookies();
  // Deleting a __Host- cookie needs the same Secure/Path attributes it was set with.
  for (const cookie of Object.values(authCookies)) {
    jar.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  }
}

/** Ends this session on the server (so the cookie is worthless even if copied), then clears it. */
export async function signOutAction(): Promise<void> {
  const session = await getCurrentSession();
  // Signing out of a support view signs the agent out: the view ends (the user sees it), then
  // the agent's own session. next-auth's /api/auth/signout takes the same path.
  if (session) await signOutSession(session.sessionId);
  await clearSessionCookies();
  redirect("/");
}
