"use client";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AuditChainResult } from "@/lib/dal/audit";
import { verifyAuditChainAction } from "../actions";

const reasons = {
  prev_hash_mismatch:
    "it does not link to the row before it (a row was deleted or links were rewritten)",
  hash_mismatch: "its contents were altered after it was written",
  missing_row: "the chain does not start where it should (its first rows were deleted)",
} as const;

export function VerifyChainButton() {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<AuditChainResult | { error: string } | null>(null);
  return (
    <div className="space-y-3">
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await verifyAuditChainAction();
            setResult(r.ok ? r.data : { error: r.formError ?? "The check could not run." });
          })
        }
      >
        {pending ? "Verifying…" : "Verify the chain"}
      </Button>
      {result &&
        ("error" in result ? (
          <Alert tone="error">{result.error}</Alert>
        ) : result.ok ? (
          <Alert tone="success">
            The chain is intact: {result.checked.toLocaleString("en-GB")} events checked. Last hash{" "}
            <code className="break-all">{result.lastHash}</code> — keep a copy outside the database
            to detect a rewritten tail.
          </Alert>
        ) : (
          <Alert tone="error">
            The chain is broken at event #{result.brokenAt.id}: {reasons[result.brokenAt.reason]}.{" "}
            {result.checked.toLocaleString("en-GB")} events before it are intact.
          </Alert>
        ))}
    </div>
  );
}
