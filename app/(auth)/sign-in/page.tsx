import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { safeNextPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/dal/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Only same-origin paths: "next" must never send anyone to another site.
  const next = safeNextPath((await props.searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead="See and manage the data we hold about you.">Sign in</PageTitle>
      <Card>
        <SignInForm next={next} />
      </Card>
    </div>
  );
}
