import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { CategoryId } from "./ids";
import type { CatalogTable } from "./table";

export type LegalBasis = "contract" | "legitimate_interest" | "consent" | "legal_obligation";

export const legalBasisLabel: Record<LegalBasis, string> = {
  contract: "Needed to provide the service you signed up for (contract)",
  legitimate_interest: "Our legitimate interest, weighed against yours",
  consent: "Your consent, which you can withdraw at any time",
  legal_obligation: "A legal obligation we must meet",
};

export type { CatalogTable, FieldDoc } from "./table";

export type Retention = {
  /** Plain words, shown to the user. */
  description: string;
  /**
   * Items whose clock (`stats.clock`) is older than this are purged by the retention job
   * (lib/retention); undefined = kept while the account exists.
   */
  days?: number;
  /**
   * The holder may choose a shorter period (auto-delete, lib/retention/policy.ts), never below
   * `floorDays`. Absent: the catalog's period is the only one.
   */
  autoDelete?: AutoDelete;
};

export type AutoDelete = {
  /** The shortest period we can honour, and why (shown beside the choice). */
  floorDays?: number;
  floorReason?: string;
  /** Anything else the holder must know about what the choice deletes. */
  note?: string;
};

export type DataCategory = {
  id: CategoryId;
  title: string;
  /** One line: why we have this. */
  summary: string;
  purpose: string;
  legalBasis: LegalBasis;
  retention: Retention;
  recipients: string[];
  source: string;
  tables: CatalogTable[];
  /**
   * What the overview shows: the latest activity (a time column of a table in `tables`, counted
   * by that table's owner) and, for categories with a retention period or auto-delete, the
   * time that starts its clock (the oldest one decides the next purge date; which rows count is
   * the category's item in lib/catalog/retention.ts). Each is answered from an index on
   * (user_id, time DESC, id DESC).
   */
  stats: { latest: AnyPgColumn; clock?: AnyPgColumn };
  /** Its label in the account menu, for categories with a link there. */
  menu?: string;
  /** May the user delete single items themselves? */
  userCanDelete: boolean;
  /** Can processing be restricted (art. 18) while the account stays? */
  restrictable: boolean;
  /** Exports of this category may be limited to a date range. */
  timeSeries: boolean;
};
