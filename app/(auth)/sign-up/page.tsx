import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead="We only ask for what we need to run your account.">
        Create an account
      </PageTitle>
      <Card>
        <SignUpForm />
      </Card>
    </div>
  );
}
