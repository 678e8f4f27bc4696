import { formatDateTime } from "@/lib/format";
import { NotMeButton } from "./not-me-button";

const reasons: Record<string, string> = {
  ok: "Signed in",
  bad_password: "Wrong password",
  throttled: "Blocked: too many attempts",
  unverified: "Email not yet confirmed",
  reset_required: "Password must be replaced",
  reauth_failed: "Wrong password when confirming it was you",
};

export type SignInRow = {
  id: number;
  occurredAt: Date;
  ip: string | null;
  device: string;
  outcome: "success" | "failure";
  reason: string;
  current: boolean;
};

/** Sign-in attempts, newest first, with "this wasn't me" on other successful sign-ins. */
export function SignInHistoryTable({ items }: { items: SignInRow[] }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Sign-in history table">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Sign-in attempts, newest first</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-2 pr-3">
              When
            </th>
            <th scope="col" className="py-2 pr-3">
              IP address
            </th>
            <th scope="col" className="py-2 pr-3">
              Browser and system
            </th>
            <th scope="col" className="py-2 pr-3">
              Result
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.occurredAt)}</td>
              <td className="py-2 pr-3 font-mono">{e.ip ?? "—"}</td>
              <td className="py-2 pr-3">{e.device}</td>
              <td className="py-2 pr-3">
                {reasons[e.reason] ?? e.reason}
                {e.current && " (this session)"}
              </td>
              <td className="py-2">
                {e.outcome === "success" && !e.current && (
                  <NotMeButton eventId={e.id} label={`${e.device}, ${e.ip ?? "unknown address"}`} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
