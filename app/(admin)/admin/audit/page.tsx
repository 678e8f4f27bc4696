import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { requireRole } from "@/lib/dal/session";
import { listAuditLog } from "@/lib/dal/admin/audit";
import { pageParams, param, type SearchParams } from "@/lib/search-params";
import { VerifyChainButton } from "./verify-button";

export const metadata: Metadata = { title: "Audit log" };

const filterSchema = z.object({
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)+$/, "An action looks like profile.update")
    .optional(),
  subjectId: z.uuid("An account id, like 0f8c…-…").optional(),
  actorId: z.uuid("An account id, like 0f8c…-…").optional(),
  from: z.iso.date("A date, like 2025-01-31").optional(),
  to: z.iso.date("A date, like 2025-01-31").optional(),
});

const DAY_MS = 86_400_000;

/** The page's dates are whole UTC days: from its first millisecond up to and including `to`. */
function dateRange(filter: { from?: string; to?: string }) {
  return {
    from: filter.from ? new Date(`${filter.from}T00:00:00.000Z`) : undefined,
    to: filter.to ? new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + DAY_MS) : undefined,
  };
}

export default async function AuditPage(props: { searchParams: SearchParams }) {
  await requireRole("admin");
  const sp = await props.searchParams;
  const raw = {
    action: param(sp, "action"),
    subjectId: param(sp, "subject"),
    actorId: param(sp, "actor"),
    from: param(sp, "from"),
    to: param(sp, "to"),
  };
  const parsed = filterSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== "")),
  );
  const errors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const filter = parsed.success
    ? { ...parsed.data, ...dateRange(parsed.data) }
    : { from: undefined, to: undefined };
  const page = parsed.success
    ? await listAuditLog({ ...filter, ...pageParams(sp) })
    : { items: [], next: null, prev: null };
  const query = new URLSearchParams(
    Object.entries({
      action: raw.action,
      subject: raw.subjectId,
      actor: raw.actorId,
      from: raw.from,
      to: raw.to,
    }).filter(([, v]) => v),
  );
  const nextHref = page.next
    ? `/admin/audit?${new URLSearchParams([...query, ["after", page.next]])}`
    : null;
  return (
    <>
      <PageTitle lead="Every security- and privacy-relevant event, append-only and hash-chained.">
        Audit log
      </PageTitle>
      <div className="space-y-6">
        <Card title="Check for tampering" id="verify">
          <VerifyChainButton />
        </Card>
        <Card title="Events" id="events">
          <form
            method="get"
            action="/admin/audit"
            className="mb-4 grid gap-3 sm:grid-cols-3 sm:items-end"
          >
            <TextField
              label="Action"
              name="action"
              defaultValue={raw.action}
              error={errors.action?.[0]}
            />
            <TextField
              label="Subject id"
              name="subject"
              defaultValue={raw.subjectId}
              error={errors.subjectId?.[0]}
            />
            <TextField
              label="Actor id"
              name="actor"
              defaultValue={raw.actorId}
              error={errors.actorId?.[0]}
            />
            <TextField
              label="From (UTC date)"
              name="from"
              type="date"
              defaultValue={raw.from}
              error={errors.from?.[0]}
            />
            <TextField
              label="To (UTC date, inclusive)"
              name="to"
              type="date"
              defaultValue={raw.to}
              error={errors.to?.[0]}
            />
            <Button type="submit">Filter</Button>
          </form>
          {page.items.length === 0 ? (
            <p className="text-sm text-slate-700">No events match.</p>
          ) : (
            <div
              className="overflow-x-auto"
              tabIndex={0}
              role="region"
              aria-label="Audit events table"
            >
              {/* Scrolls sideways on a phone; focusable so a keyboard can scroll it too. */}
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Audit events, newest first</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-3">
                      #
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      When (UTC)
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Action
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Actor
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Subject
                    </th>
                    <th scope="col" className="py-2">
                      Target
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((e) => (
                    <tr key={e.id} className="border-b border-slate-100 align-top">
                      <td className="py-2 pr-3 font-mono">{e.id}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        {e.occurredAt.toISOString().replace("T", " ").slice(0, 19)}
                      </td>
                      <td className="py-2 pr-3 font-mono">{e.action}</td>
                      <td className="py-2 pr-3">
                        {e.actorRole}
                        {e.actorId && (
                          <span className="block font-mono text-xs break-all">{e.actorId}</span>
                        )}
                      </td>
                      <td className="py-2 pr-3 font-mono text-xs break-all">
                        {e.subjectId ?? "—"}
                      </td>
                      <td className="py-2 font-mono text-xs break-all">
                        {e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="Audit log pages" className="mt-3 flex gap-4 text-sm">
            {page.prev && <Link href={`/admin/audit?${query}`}>Newest</Link>}
            {nextHref && <Link href={nextHref}>Older events</Link>}
          </nav>
        </Card>
        <p className="text-sm">
          <Link href="/admin/mailbox">Mail outbox</Link>
        </p>
      </div>
    </>
  );
}
