import "server-only";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { ingestIdempotency, ingestRefusals, privacyRequests } from "@/db/schema";
import { ApiProblem } from "@/lib/api/v1/problem";
import { getProcessingState } from "@/lib/dal/processing";
import { OPEN_STATUSES } from "@/lib/requests/clock";
import type { ApiToken } from "./tokens";

/** The catalog categories the API writes. */
export type IngestCategory = "printers" | "print-jobs" | "cura-configuration" | "diagnostics";

export type IdempotencyInput = { key: string; requestHash: string };
export type IngestContext = { token: ApiToken; idempotency?: IdempotencyInput };
export type IngestAnswer = { status: number; body: unknown; replayed?: boolean };

type Plan = {
  category: IngestCategory;
  /** Items the request carries (counted as refused when it is refused). */
  items: number;
  /** An objection to the category drops the items with 202 instead of storing them. */
  objectable?: boolean;
};

type Outcome = { answer: IngestAnswer } | { refused: ApiProblem };

/**
 * One write request of the API, all or nothing, in one transaction:
 *  1. an Idempotency-Key already answered for this token gives that answer again (the same
 *     body) or 422 (another body), and nothing is written;
 *  2. the holder's choices at the door — erasure grace, a restriction of the category, an
 *     objection to it — refuse or drop the items; the refusal is counted and committed, nothing
 *     else is written;
 *  3. `work` writes, and the answer is stored under the key in the same transaction.
 * Two requests racing with the same key: the second's insert of the key waits for the first's
 * commit and fails as a duplicate, its writes roll back, and it replays the first's answer.
 */
export async function runIngest(
  ctx: IngestContext,
  plan: Plan,
  work: (tx: Tx, userId: string) => Promise<IngestAnswer>,
): Promise<IngestAnswer> {
  const db = await getDb();
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome: Outcome = await db.transaction(async (tx) => {
        const replay = await findAnswer(tx, ctx);
        if (replay) return { answer: replay };
        const refusal = await choicesAtTheDoor(tx, ctx.token, plan);
        if (refusal) return refusal;
        const answer = await work(tx, ctx.token.userId);
        if (ctx.idempotency) {
          await tx.insert(ingestIdempotency).values({
            tokenId: ctx.token.id,
            key: ctx.idempotency.key,
            requestHash: ctx.idempotency.requestHash,
            status: answer.status,
            response: answer.body,
          });
        }
        return { answer };
      });
      if ("refused" in outcome) throw outcome.refused;
      return outcome.answer;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt < 2 && ctx.idempotency && code === "23505") continue;
      throw error;
    }
  }
}

async function findAnswer(tx: Tx, ctx: IngestContext): Promise<IngestAnswer | null> {
  if (!ctx.idempotency) return null;
  const [row] = await tx
    .select({
      requestHash: ingestIdempotency.requestHash,
      status: ingestIdempotency.status,
      response: ingestIdempotency.response,
    })
    .from(ingestIdempotency)
    .where(
      and(
        eq(ingestIdempotency.tokenId, ctx.token.id),
        eq(ingestIdempotency.key, ctx.idempotency.key),
      ),
    );
  if (!row) return null;
  if (row.requestHash !== ctx.idempotency.requestHash) {
    throw new ApiProblem(
      "idempotency-conflict",
      "This Idempotency-Key was already used for a different request. Use a new key for new data.",
      { errors: [{ header: "Idempotency-Key", detail: "Already used with another body." }] },
    );
  }
  return { status: row.status, body: row.response, replayed: true };
}

async function choicesAtTheDoor(tx: Tx, token: ApiToken, plan: Plan): Promise<Outcome | null> {
  const [pending] = await tx
    .select({ id: privacyRequests.id })
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.userId, token.userId),
        eq(privacyRequests.kind, "erasure"),
        inArray(privacyRequests.status, [...OPEN_STATUSES]),
        isNotNull(privacyRequests.scheduledFor),
      ),
    )
    .limit(1);
  if (pending) {
    await countRefusal(tx, token, plan, "erasure_pending");
    return {
      refused: new ApiProblem(
        "erasure-pending",
        "The account holder asked for their account to be erased; nothing is stored until that is cancelled.",
      ),
    };
  }
  const state = await getProcessingState(token.userId, tx);
  if (state.restricted.includes(plan.category)) {
    await countRefusal(tx, token, plan, "restricted");
    return {
      refused: new ApiProblem(
        "restricted",
        `The account holder restricted processing of "${plan.category}"; nothing was stored.`,
      ),
    };
  }
  if (plan.objectable && state.objections.includes(plan.category)) {
    await countRefusal(tx, token, plan, "objected");
    return {
      answer: { status: 202, body: { stored: 0, dropped: plan.items, reason: "objected" } },
    };
  }
  return null;
}

/** One row per (token, category, reason), bumped in place. */
async function countRefusal(
  tx: Tx,
  token: ApiToken,
  plan: Plan,
  reason: "restricted" | "objected" | "erasure_pending",
): Promise<void> {
  const r = ingestRefusals;
  await tx
    .insert(r)
    .values({
      tokenId: token.id,
      userId: token.userId,
      category: plan.category,
      reason,
      items: plan.items,
      requests: 1,
    })
    .onConflictDoUpdate({
      target: [r.tokenId, r.category, r.reason],
      set: {
        items: sql`${r.items} + ${plan.items}`,
        requests: sql`${r.requests} + 1`,
        lastAt: sql`now()`,
      },
    });
}
