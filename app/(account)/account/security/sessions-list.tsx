"use client";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SessionDTO } from "@/lib/dal/sessions";
import { formatDateTime as when } from "@/lib/format";
import { revokeOtherSessionsAction, revokeSessionAction } from "../actions";

export function SessionsList({ sessions }: { sessions: SessionDTO[] }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <ul className="divide-y divide-slate-200">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="text-sm">
              <p className="font-medium">
                {s.device}{" "}
                {s.current && (
                  <span className="ml-1 rounded bg-green-100 px-2 py-0.5 text-xs text-green-900">
                    This device
                  </span>
                )}
              </p>
              <p className="text-slate-600">
                {s.ip ?? "Unknown address"} · signed in {when(s.createdAt)} · last active{" "}
                {when(s.lastSeenAt)}
              </p>
            </div>
            {!s.current && (
              <Button
                variant="secondary"
                disabled={pending}
                aria-label={`Sign out ${s.device} (${s.ip ?? "unknown address"})`}
                onClick={() =>
                  start(async () => {
                    const r = await revokeSessionAction(s.id);
                    setMessage(
                      r.ok
                        ? { tone: "success", text: `${s.device} is signed out.` }
                        : { tone: "error", text: r.formError ?? "" },
                    );
                  })
                }
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      {others > 0 && (
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await revokeOtherSessionsAction();
              setMessage(
                r.ok
                  ? {
                      tone: "success",
                      text: `Signed out ${r.data.ended} other ${r.data.ended === 1 ? "session" : "sessions"}.`,
                    }
                  : { tone: "error", text: r.formError ?? "" },
              );
            })
          }
        >
          Sign out everywhere else
        </Button>
      )}
    </div>
  );
}
