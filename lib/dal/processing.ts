import "server-only";
import { and, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, type Db, type Tx } from "@/db";
import { processingChoices } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { requireSession, requireWritable } from "@/lib/dal/session";
import { invalidInput } from "@/lib/errors";
import { findScope, type ProcessingKind } from "@/lib/processing/scopes";
import { processingChoiceSchema, type ProcessingChoiceInput } from "@/lib/validation/processing";
import { readPrefs, savePrefs } from "./marketing";

/**
 * Restriction (art. 18) and objection (art. 21): switches that take effect at once. The active
 * rows of processing_choices are the one truth; everything that uses data asks here (campaigns,
 * email tracking, marketing profiling, and the ingestion API).
 */

export type ProcessingStateDTO = {
  /** Category ids whose processing is restricted. */
  restricted: string[];
  /** Active objections: "profiling", "direct-marketing" or a category id. */
  objections: string[];
};

/**
 * What the app may do with this person's data right now. Server-only and keyed by user id on
 * purpose: callers without a browser session (the ingestion API behind a token, mail jobs) need
 * it too. Never expose it to a client with a user id taken from the request.
 */
export async function getProcessingState(
  userId: string,
  tx?: Tx | Db,
): Promise<ProcessingStateDTO> {
  const q = tx ?? (await getDb());
  const rows = await q
    .select({ kind: processingChoices.kind, scope: processingChoices.scope })
    .from(processingChoices)
    .where(and(eq(processingChoices.userId, userId), isNull(processingChoices.liftedAt)));
  return {
    restricted: rows.filter((r) => r.kind === "restriction").map((r) => r.scope),
    objections: rows.filter((r) => r.kind === "objection").map((r) => r.scope),
  };
}

/**
 * SQL that is true when the user in `userId` must get no marketing: marketing restricted, or
 * an objection to direct marketing. For WHERE NOT (…) in campaign and tracking queries.
 */
export function marketingBlocked(userId: AnyPgColumn | string): SQL {
  const p = processingChoices;
  return sql`exists (select 1 from ${p} where ${p.userId} = ${userId} and ${p.liftedAt} is null and ${or(
    and(eq(p.kind, "restriction"), eq(p.scope, "marketing")),
    and(eq(p.kind, "objection"), eq(p.scope, "direct-marketing")),
  )})`;
}

/** Whether an objection to profiling for marketing is active (the preferences obey it). */
export async function objectsToProfiling(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: processingChoices.id })
    .from(processingChoices)
    .where(
      and(
        eq(processingChoices.userId, userId),
        eq(processingChoices.kind, "objection"),
        eq(processingChoices.scope, "profiling"),
        isNull(processingChoices.liftedAt),
      ),
    );
  return Boolean(row);
}

export type ProcessingHistoryDTO = {
  id: number;
  kind: ProcessingKind;
  scope: string;
  startedAt: Date;
  startedBy: "you" | "staff" | "unknown";
  liftedAt: Date | null;
  liftedBy: "you" | "staff" | "unknown" | null;
};

export type MyProcessingDTO = { state: ProcessingStateDTO; history: ProcessingHistoryDTO[] };

/** The signed-in holder's switches and their history, newest first. */
export async function getMyProcessing(): Promise<MyProcessingDTO> {
  const { user } = await requireSession();
  const db = await getDb();
  const p = processingChoices;
  const rows = await db
    .select({
      id: p.id,
      kind: p.kind,
      scope: p.scope,
      startedAt: p.startedAt,
      startedBy: p.startedBy,
      liftedAt: p.liftedAt,
      liftedBy: p.liftedBy,
    })
    .from(p)
    .where(eq(p.userId, user.id))
    .orderBy(desc(p.startedAt), desc(p.id))
    .limit(200);
  const who = (id: string | null) => (id === user.id ? "you" : id ? "staff" : "unknown");
  return {
    state: {
      restricted: rows.filter((r) => !r.liftedAt && r.kind === "restriction").map((r) => r.scope),
      objections: rows.filter((r) => !r.liftedAt && r.kind === "objection").map((r) => r.scope),
    },
    history: rows.map((r) => ({
      ...r,
      startedBy: who(r.startedBy),
      liftedBy: r.liftedAt ? who(r.liftedBy) : null,
    })),
  };
}

/**
 * Switches one restriction or objection on or off for the signed-in holder, at once. Switching
 * on what is already on (or off what is off) changes nothing and writes nothing. Refused in a
 * read-only support session.
 */
export async function setMyProcessingChoice(
  input: ProcessingChoiceInput,
): Promise<{ changed: boolean; state: ProcessingStateDTO }> {
  const action = !input.on
    ? "processing.lift"
    : input.kind === "restriction"
      ? "processing.restrict"
      : "processing.object";
  const { user } = await requireWritable(action);
  const parsed = processingChoiceSchema.safeParse(input);
  if (!parsed.success) throw invalidInput("That choice is not one we offer.");
  const { kind, scope, on } = parsed.data;
  if (!findScope(kind, scope)) throw invalidInput("That choice is not one we offer.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = processingChoices;
    const now = new Date();
    const [row] = on
      ? await tx
          .insert(p)
          .values({ userId: user.id, kind, scope, startedAt: now, startedBy: user.id })
          .onConflictDoNothing()
          .returning({ id: p.id })
      : await tx
          .update(p)
          .set({ liftedAt: now, liftedBy: user.id })
          .where(
            and(eq(p.userId, user.id), eq(p.kind, kind), eq(p.scope, scope), isNull(p.liftedAt)),
          )
          .returning({ id: p.id });
    if (row) {
      await writeAudit(tx, {
        actorId: user.id,
        actorRole: user.role,
        subjectId: user.id,
        action,
        targetType: "processing_choice",
        targetId: String(row.id),
        details: { kind, scope },
      });
      // An objection to profiling turns profiling off now, recorded like any consent change.
      if (on && kind === "objection" && scope === "profiling") {
        const before = await readPrefs(tx, user.id, true);
        if (before.profiling) {
          await savePrefs(
            tx,
            { userId: user.id, role: user.role, language: user.language },
            { ...before, profiling: false },
            "preferences",
            before,
          );
        }
      }
    }
    return { changed: Boolean(row), state: await getProcessingState(user.id, tx) };
  });
}

/** The four verbs the brief names, as thin wrappers (the page uses setMyProcessingChoice). */
export const setRestriction = (scope: string) =>
  setMyProcessingChoice({ kind: "restriction", scope, on: true });
export const liftRestriction = (scope: string) =>
  setMyProcessingChoice({ kind: "restriction", scope, on: false });
export const setObjection = (scope: string) =>
  setMyProcessingChoice({ kind: "objection", scope, on: true });
export const liftObjection = (scope: string) =>
  setMyProcessingChoice({ kind: "objection", scope, on: false });
