"use client";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SupportGrantDTO } from "@/lib/dal/support/grants";
import { revokeSupportAccessAction } from "./actions";
import { formatDateTime } from "@/lib/format";

function state(g: SupportGrantDTO): string {
  if (g.revokedAt) return `withdrawn ${formatDateTime(g.revokedAt)}`;
  return g.active ? `until ${formatDateTime(g.expiresAt)}` : `ended ${formatDateTime(g.expiresAt)}`;
}

export function GrantsList({ grants, empty }: { grants: SupportGrantDTO[]; empty: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  if (grants.length === 0 && !message) return <p className="text-sm text-slate-700">{empty}</p>;
  return (
    <div className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <ul className="divide-y divide-slate-200">
        {grants.map((g) => (
          <li key={g.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
            <div>
              <p className="font-medium">Ticket {g.ticketRef}</p>
              <p className="text-slate-600">
                Given {formatDateTime(g.createdAt)} · {state(g)}
              </p>
            </div>
            {g.active && (
              <Button
                variant="danger"
                disabled={pending}
                aria-label={`Withdraw access for ticket ${g.ticketRef}`}
                onClick={() =>
                  start(async () => {
                    const r = await revokeSupportAccessAction(g.id);
                    setMessage(
                      r.ok
                        ? {
                            tone: "success",
                            text: `Support can no longer look at your account for ticket ${g.ticketRef}.`,
                          }
                        : { tone: "error", text: r.formError ?? "" },
                    );
                  })
                }
              >
                Withdraw
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
