import { z } from "zod";

/** Shared by the browser forms and the server actions: one schema, one set of messages. */
export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(254, "That address is too long")
  .pipe(z.email("Enter a valid email address, like name@example.com"));

export const newPasswordSchema = z
  .string()
  .min(8, "Use at least 8 characters")
  .max(128, "Use at most 128 characters");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(128, "Use at most 128 characters"),
});

const withConfirmation = <T extends z.ZodRawShape>(shape: T, field: string) =>
  z.object({ ...shape, confirm: z.string() }).refine(
    (v) => {
      const values = v as Record<string, unknown>;
      return values.confirm === values[field];
    },
    { path: ["confirm"], message: "The two passwords are not the same" },
  );

export const signUpSchema = withConfirmation(
  {
    name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
    email: emailSchema,
    password: newPasswordSchema,
  },
  "password",
);

export const passwordChangeSchema = withConfirmation(
  {
    currentPassword: z.string().min(1, "Enter your current password"),
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
  password: z.string().min(1, "Enter your password").max(128),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;
export type PasswordResetInput = z.infer<typeof passwordResetSchema>;
export type EmailChangeInput = z.infer<typeof emailChangeSchema>;
