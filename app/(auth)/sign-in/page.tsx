import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { safeNextPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/dal/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Only same-origin paths: "next" must never send anyone to another site.
  const query = await props.searchParams;
  const next = safeNextPath(query.next);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead="See and manage the data we hold about you.">Sign in</PageTitle>
      <Card>
        {query.ended === "attempts" && (
          <div className="mb-4">
            <Alert tone="error">
              You were signed out because your password was entered wrongly too many times. Sign in
              again, or choose a new password if you have forgotten it.
            </Alert>
          </div>
        )}
        <SignInForm next={next} />
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        No account, or locked out?{" "}
        <Link href="/requests/new">Make a request without an account</Link>.
      </p>
    </div>
  );
}
