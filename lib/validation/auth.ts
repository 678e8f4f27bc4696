import { z } from "zod";

/** Shared by the browser forms and the server actions: one schema, one set of messages. */
export const emailSchema = z
  .string()
  .trim()
  .min(1, "validation.email.required")
  .max(254, "validation.email.tooLong")
  .pipe(z.email("validation.email.invalid"));

export const newPasswordSchema = z
  .string()
  .min(8, "validation.password.tooShort")
  .max(128, "validation.password.tooLong");

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, "validation.password.required")
    .max(128, "validation.password.tooLong"),
});

const withConfirmation = <T extends z.ZodRawShape>(shape: T, field: string) =>
  z.object({ ...shape, confirm: z.string() }).refine(
    (v) => {
      const values = v as Record<string, unknown>;
      return values.confirm === values[field];
    },
    { path: ["confirm"], message: "validation.password.mismatch" },
  );

export const signUpSchema = withConfirmation(
  {
    name: z.string().trim().min(1, "validation.name.required").max(100, "validation.name.tooLong"),
    email: emailSchema,
    password: newPasswordSchema,
  },
  "password",
);

export const passwordChangeSchema = withConfirmation(
  {
    currentPassword: z.string().min(1, "validation.password.currentRequired"),
    password: newPasswordSchema,
  },
  "password",
);

export const passwordResetSchema = withConfirmation(
  { token: z.string().min(20).max(200), password: newPasswordSchema },
  "password",
);

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const emailChangeSchema = z.object({ newEmail: emailSchema });

export const reauthSchema = z.object({
  password: z.string().min(1, "validation.password.required").max(128),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;
export type PasswordResetInput = z.infer<typeof passwordResetSchema>;
export type EmailChangeInput = z.infer<typeof emailChangeSchema>;
