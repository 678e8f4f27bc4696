"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { TextField } from "@/components/ui/field";
import { signInSchema, type SignInInput } from "@/lib/validation/auth";
import { formatTime } from "@/lib/format";

function messageFor(code: string): string {
  if (code.startsWith("throttled:")) {
    const at = new Date(code.slice("throttled:".length));
    const time = Number.isNaN(at.getTime()) ? "a few minutes" : formatTime(at);
    return `Too many attempts. For your safety, try again after ${time}.`;
  }
  if (code === "unverified") {
    return "Please confirm your email address first: follow the link in the email we sent you.";
  }
  if (code === "reset_required") {
    return "You reported a sign-in that was not you, so this password no longer works. Choose a new one with the link we emailed you, or ask for a new link.";
  }
  return "That email and password do not match an account. Check them and try again.";
}

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setError(messageFor(result?.error ?? ""));
      form.setValue("password", "");
      return;
    }
    router.replace(next);
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      <fieldset disabled={isSubmitting || !hydrated} className="space-y-4">
        <TextField
          label="Email address"
          type="email"
          autoComplete="username"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...form.register("password")}
        />
        <Button type="submit" className="w-full">
          {isSubmitting ? "Signing in…" : "Sign in"}
        </Button>
      </fieldset>
      <p className="flex flex-wrap justify-between gap-2 text-sm">
        <Link href="/forgot-password">Forgot your password?</Link>
        <Link href="/sign-up">Create an account</Link>
      </p>
    </form>
  );
}
