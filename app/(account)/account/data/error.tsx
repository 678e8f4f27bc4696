"use client";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Something failed while reading this page: say so, offer a retry, never show a stack. */
export default function DataError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">We could not show this page</h1>
      <Alert tone="error">
        Reading your data failed on our side. Nothing was changed. Try again in a moment; if it
        keeps happening, contact us.
      </Alert>
      <div className="flex gap-3">
        <Button type="button" onClick={reset}>
          Try again
        </Button>
        <Link href="/account" className="self-center text-sm">
          Back to your data
        </Link>
      </div>
    </div>
  );
}
