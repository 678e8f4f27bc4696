"use server";
// Public on purpose: these actions serve visitors who are not signed in (sign-up, email links,
// password reset). Each validates its input, reveals nothing about which accounts exist, and
// the password reset and verification links are single-use tokens checked in lib/dal.
import { getTranslations } from "next-intl/server";
import { failure, invalid, ok, type ActionResult } from "@/lib/actions";
import { confirmEmailChange } from "@/lib/dal/account";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { requestPasswordReset, resetPassword, signUp, verifyEmail } from "@/lib/dal/registration";
import {
  forgotPasswordSchema,
  passwordResetSchema,
  signUpSchema,
  type PasswordResetInput,
  type SignUpInput,
} from "@/lib/validation/auth";

export async function signUpAction(input: SignUpInput): Promise<ActionResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const weakness = passwordWeakness(parsed.data.password, [parsed.data.email, parsed.data.name]);
  if (weakness) return weakPassword(weakness);
  const outcome = await signUp(parsed.data);
  return outcome.ok ? ok(null) : tooManyMails(outcome.retryAt);
}

export async function forgotPasswordAction(input: { email: string }): Promise<ActionResult> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const outcome = await requestPasswordReset(parsed.data.email);
  return outcome.ok ? ok(null) : tooManyMails(outcome.retryAt);
}

/** The same words for every address, with or without an account: the limit is per address. */
async function tooManyMails(retryAt: Date): Promise<ActionResult<never>> {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000));
  return failure((await getTranslations("auth"))("tooManyMails", { minutes }));
}

async function weakPassword(weakness: string): Promise<ActionResult<never>> {
  return failure((await getTranslations("validation"))("password.weak"), { password: [weakness] });
}

/** Why an emailed link did not work, in the viewer's language. */
async function linkProblem(status: "invalid" | "used" | "expired" | "taken") {
  const t = await getTranslations("auth");
  return failure(status === "taken" ? t("emailChange.taken") : t(`link.${status}`));
}

export async function resetPasswordAction(input: PasswordResetInput): Promise<ActionResult> {
  const parsed = passwordResetSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const weakness = passwordWeakness(parsed.data.password);
  if (weakness) return weakPassword(weakness);
  const status = await resetPassword(parsed.data.token, parsed.data.password);
  return status === "ok" ? ok(null) : linkProblem(status);
}

export async function verifyEmailAction(token: string): Promise<ActionResult> {
  if (typeof token !== "string") return linkProblem("invalid");
  const status = await verifyEmail(token);
  return status === "ok" ? ok(null) : linkProblem(status);
}

export async function confirmEmailChangeAction(token: string): Promise<ActionResult> {
  if (typeof token !== "string") return linkProblem("invalid");
  const status = await confirmEmailChange(token);
  return status === "ok" ? ok(null) : linkProblem(status);
}
