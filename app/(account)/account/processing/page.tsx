import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { getMyProcessing, type ProcessingHistoryDTO } from "@/lib/dal/processing";
import { formatDateTime } from "@/lib/format";
import {
  findScope,
  OBJECTION_SCOPES,
  RESTRICTION_SCOPES,
  type ProcessingKind,
} from "@/lib/processing/scopes";
import { ProcessingSwitches } from "./processing-switches";

export const metadata: Metadata = { title: "Restrict or object" };

const by = { you: "you", staff: "our staff", unknown: "an erased account" } as const;

function scopeLabel(kind: ProcessingKind, scope: string) {
  return findScope(kind, scope)?.label ?? `${kind} of ${scope}`;
}

function History({ rows }: { rows: ProcessingHistoryDTO[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-700">Nothing switched yet.</p>;
  return (
    <ol className="space-y-2 text-sm" aria-label="History of your restrictions and objections">
      {rows.map((h) => (
        <li key={h.id} className="rounded-md border border-slate-200 p-3">
          <p className="font-medium">{scopeLabel(h.kind, h.scope)}</p>
          <p>
            Started {formatDateTime(h.startedAt)} by {by[h.startedBy]}
          </p>
          <p>
            {h.liftedAt && h.liftedBy
              ? `Lifted ${formatDateTime(h.liftedAt)} by ${by[h.liftedBy]}`
              : "Still active"}
          </p>
        </li>
      ))}
    </ol>
  );
}

/**
 * Restriction (art. 18) and objection (art. 21) as switches. Each takes effect the moment it is
 * switched; the DAL refuses read-only support sessions.
 */
export default async function ProcessingPage() {
  const { state, history } = await getMyProcessing();
  return (
    <>
      <PageTitle lead="Switch off uses of your data without deleting it. Each switch works the moment you flip it, and you can switch it back at any time.">
        Restrict or object
      </PageTitle>
      <div className="space-y-6">
        <Card title="Restrict processing" id="restrict">
          <p className="mb-4 text-sm text-slate-700">
            A restriction keeps your data but stops us using it — for example while you check
            whether it is correct. We only store it, unless the law requires otherwise.
          </p>
          <ProcessingSwitches
            legend="Restrict processing"
            scopes={RESTRICTION_SCOPES}
            active={state.restricted}
          />
        </Card>
        <Card title="Object" id="object">
          <p className="mb-4 text-sm text-slate-700">
            You can always object to direct marketing and to profiling for it: those stop at once.
            Where we rely on our legitimate interest you can object too. Sign-in activity protects
            your account against misuse, so an objection to it is recorded for our privacy team to
            weigh; the records needed for security stay until they decide, and we tell you the
            outcome.
          </p>
          <ProcessingSwitches legend="Object" scopes={OBJECTION_SCOPES} active={state.objections} />
        </Card>
        <Card title="History" id="history">
          <History rows={history} />
        </Card>
        <p className="text-sm">
          To ask for something these switches do not cover,{" "}
          <Link href="/account/requests/new?kind=restriction">make a request</Link>.
        </p>
      </div>
    </>
  );
}
