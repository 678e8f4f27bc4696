"use server";
// Public on purpose: these actions serve visitors who are not signed in (sign-up, email links,
// password reset). Each validates its input, reveals nothing about which accounts exist, and
// the password reset and verification links are single-use tokens checked in lib/dal.
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
  if (weakness) return failure("Choose a stronger password.", { password: [weakness] });
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
function tooManyMails(retryAt: Date): ActionResult<never> {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000));
  return failure(
    `We have sent several emails to this address or from your network recently. To protect ` +
      `everyone's inbox, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

const linkProblems = {
  invalid: "This link is not valid. Check that you copied all of it, or ask for a new one.",
  used: "This link has already been used. Ask for a new one if you still need it.",
  expired: "This link has expired. Ask for a new one below.",
} as const;

export async function resetPasswordAction(input: PasswordResetInput): Promise<ActionResult> {
  const parsed = passwordResetSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const weakness = passwordWeakness(parsed.data.password);
  if (weakness) return failure("Choose a stronger password.", { password: [weakness] });
  const status = await resetPassword(parsed.data.token, parsed.data.password);
  return status === "ok" ? ok(null) : failure(linkProblems[status]);
}

export async function verifyEmailAction(token: string): Promise<ActionResult> {
  if (typeof token !== "string") return failure(linkProblems.invalid);
  const status = await verifyEmail(token);
  return status === "ok" ? ok(null) : failure(linkProblems[status]);
}

export async function confirmEmailChangeAction(token: string): Promise<ActionResult> {
  if (typeof token !== "string") return failure(linkProblems.invalid);
  const status = await confirmEmailChange(token);
  if (status === "taken") {
    return failure("That address now belongs to another account, so we could not switch to it.");
  }
  return status === "ok" ? ok(null) : failure(linkProblems[status]);
}
