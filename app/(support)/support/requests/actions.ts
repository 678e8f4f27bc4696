"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { invalid, ok, refusal, type ActionResult } from "@/lib/actions";
import {
  addRequestNote,
  askRequester,
  completeRequest,
  denyRequest,
  extendRequest,
  markRequestInProgress,
} from "@/lib/dal/requests/staff-actions";
import { requireRole } from "@/lib/dal/session";
import type { RequestStatus } from "@/lib/requests/clock";
import {
  completeSchema,
  denySchema,
  extendSchema,
  noteSchema,
  progressSchema,
  questionSchema,
} from "@/lib/validation/requests-staff";

type Result = ActionResult<{ status: RequestStatus }>;

/**
 * The staff request actions, all the same shape: auth → parse → DAL → revalidate → result.
 * requireRole refuses holders, visitors and support views (the DAL checks again, and also
 * decides who may decide an erasure).
 */
async function run<S extends z.ZodType<{ requestId: string }>>(
  schema: S,
  input: unknown,
  change: (data: z.infer<S>) => Promise<{ status: RequestStatus }>,
): Promise<Result> {
  await requireRole("agent");
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await change(parsed.data);
    revalidatePath(`/support/requests/${parsed.data.requestId}`);
    revalidatePath("/support/requests");
    return ok(result);
  } catch (error) {
    return refusal(error);
  }
}

export async function addRequestNoteAction(input: unknown): Promise<Result> {
  return run(noteSchema, input, addRequestNote);
}

export async function askRequesterAction(input: unknown): Promise<Result> {
  return run(questionSchema, input, askRequester);
}

export async function markInProgressAction(input: unknown): Promise<Result> {
  return run(progressSchema, input, markRequestInProgress);
}

export async function completeRequestAction(input: unknown): Promise<Result> {
  return run(completeSchema, input, completeRequest);
}

export async function denyRequestAction(input: unknown): Promise<Result> {
  return run(denySchema, input, denyRequest);
}

export async function extendRequestAction(input: unknown): Promise<Result> {
  return run(extendSchema, input, extendRequest);
}
