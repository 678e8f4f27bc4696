"use client";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AuditChainResult } from "@/lib/dal/audit";
import { verifyAuditChainAction } from "../actions";

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
            The chain is intact: {result.checked.toLocaleString("en-GB")} events checked
            {result.checkpoint
              ? `, matching the checkpoint of ${result.checkpoint.at.replace("T", " ").slice(0, 19)} UTC`
              : ""}
            . Last hash <code className="break-all">{result.lastHash}</code> — a checkpoint of it
            was recorded outside the database.
            {result.legacy &&
              ` Events #${result.legacy.firstId}–#${result.legacy.lastId} (${result.legacy.rows}) predate the keyed chain: their personal fields are not covered.`}
          </Alert>
        ) : (
          <Alert tone="error">
            <p>
              The chain is broken:{" "}
              {(result.breaks.length + result.moreBreaks).toLocaleString("en-GB")} problem(s) in{" "}
              {result.checked.toLocaleString("en-GB")} events.
            </p>
            <ul className="mt-2 list-disc pl-5">
              {result.breaks.map((b) => (
                <li key={`${b.id}-${b.reason}`}>
                  Event #{b.id}: {b.message}
                </li>
              ))}
            </ul>
            {result.moreBreaks > 0 && <p>…and {result.moreBreaks} more.</p>}
          </Alert>
        ))}
    </div>
  );
}
