import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { listMailbox } from "@/lib/dal/admin/mailbox";
import { pageParams, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Mail outbox" };

const PAGE = 25;

/** Every mail the app queued. Who may see it is decided in lib/dal/admin/mailbox.ts. */
export default async function MailboxPage(props: { searchParams: SearchParams }) {
  const page = await listMailbox({ ...pageParams(await props.searchParams), limit: PAGE });
  const mails = page.items;
  return (
    <>
      <PageTitle lead="Mail the app has queued, newest first, with its delivery status.">
        Mail outbox
      </PageTitle>
      <p className="mb-4 text-sm text-slate-700">
        Messages are never shown once delivered (their links are for the recipient only), and never
        in production.
      </p>
      <Card>
        {mails.length === 0 ? (
          <p className="text-sm text-slate-700">No mail.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {mails.map((m) => (
              <li key={m.id} className="py-3 text-sm">
                <p className="font-medium">{m.subject}</p>
                <p className="text-slate-600">
                  to {m.toAddress} · {m.kind} · {m.status}
                  {m.attempts > 0 && ` after ${m.attempts} attempt(s)`} ·{" "}
                  {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                </p>
                {m.textBody !== null && (
                  <details className="mt-1">
                    <summary className="cursor-pointer">Show the message</summary>
                    <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs whitespace-pre-wrap">
                      {m.textBody}
                    </pre>
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
        <nav aria-label="Mailbox pages" className="mt-3 flex gap-4 text-sm">
          {page.prev && <Link href="/admin/mailbox">Newest</Link>}
          {page.next && <Link href={`/admin/mailbox?after=${page.next}`}>Older mail</Link>}
        </nav>
      </Card>
    </>
  );
}
