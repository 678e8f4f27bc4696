import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead="We will email you a link to choose a new password.">
        Forgot your password?
      </PageTitle>
      <Card>
        <ForgotPasswordForm />
      </Card>
    </div>
  );
}
