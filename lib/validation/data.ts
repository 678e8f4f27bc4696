import { z } from "zod";

// Shared by the "your data" pages (URL filters), their forms and server actions.

export const printJobStatuses = ["queued", "printing", "finished", "failed", "aborted"] as const;

const optionalUuid = z.union([z.uuid(), z.literal("")]).transform((v) => v || undefined);
const optionalDay = z
  .union([z.iso.date(), z.literal("")])
  .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : undefined));

/** Print-job filters as they appear in the URL (?status=&material=&printer=&from=&to=). */
export const printJobFiltersSchema = z.object({
  status: z.union([z.enum(printJobStatuses), z.literal("")]).transform((v) => v || undefined),
  material: optionalUuid,
  printer: optionalUuid,
  from: optionalDay,
  /** Inclusive day in the URL; the query uses the start of the next day as its upper bound. */
  to: optionalDay.transform((d) => (d ? new Date(d.getTime() + 86_400_000) : undefined)),
});
export type PrintJobFilters = Partial<z.output<typeof printJobFiltersSchema>>;

/** Lenient: a bad filter value in a shared URL is dropped rather than failing the page. */
export function parsePrintJobFilters(params: Record<string, string>): PrintJobFilters {
  const out: PrintJobFilters = {};
  for (const key of ["status", "material", "printer", "from", "to"] as const) {
    const one = printJobFiltersSchema.shape[key].safeParse(params[key] ?? "");
    if (one.success && one.data) Object.assign(out, { [key]: one.data });
  }
  return out;
}

/**
 * What each kind of token may be allowed to do in the ingestion API (/api/v1). A token only
 * ever reads or writes its own holder's data; a write scope does not imply the read scope.
 */
export const tokenScopes = {
  printer: [
    "printers:write",
    "printers:read",
    "print-jobs:write",
    "print-jobs:read",
    "diagnostics:write",
    "diagnostics:read",
  ],
  cura: [
    "cura:write",
    "cura:read",
    "print-jobs:write",
    "print-jobs:read",
    "diagnostics:write",
    "diagnostics:read",
  ],
} as const;
export const allTokenScopes = [
  "printers:write",
  "printers:read",
  "print-jobs:write",
  "print-jobs:read",
  "cura:write",
  "cura:read",
  "diagnostics:write",
  "diagnostics:read",
] as const;
export type TokenScope = (typeof allTokenScopes)[number];

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1, "validation.token.name").max(80, "validation.token.nameTooLong"),
    kind: z.enum(["printer", "cura"], { message: "validation.token.kind" }),
    scopes: z.array(z.enum(allTokenScopes)).min(1, "validation.token.scopes"),
  })
  .refine((t) => t.scopes.every((s) => (tokenScopes[t.kind] as readonly string[]).includes(s)), {
    message: "validation.token.scopeNotForKind",
    path: ["scopes"],
  });
export type CreateTokenInput = z.input<typeof createTokenSchema>;

export const itemIdSchema = z.uuid();
