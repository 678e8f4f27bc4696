export type LegalBasis = "contract" | "legitimate_interest" | "consent" | "legal_obligation";

export const legalBasisLabel: Record<LegalBasis, string> = {
  contract: "Needed to provide the service you signed up for (contract)",
  legitimate_interest: "Our legitimate interest, weighed against yours",
  consent: "Your consent, which you can withdraw at any time",
  legal_obligation: "A legal obligation we must meet",
};

export type CategoryId =
  | "profile"
  | "login-activity"
  | "access-tokens"
  | "printers"
  | "print-jobs"
  | "cura-configuration"
  | "diagnostics"
  | "marketing"
  | "cookie-consents"
  | "privacy-requests"
  | "staff-access"
  | "disclosures";

export type FieldDoc = { name: string; description: string };

export type TableDoc = {
  /** SQL table name. */
  table: string;
  description: string;
  fields: FieldDoc[];
};

export type Retention = {
  /** Plain words, shown to the user. */
  description: string;
  /** Items older than this are purged; undefined = kept while the account exists. */
  days?: number;
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
  tables: TableDoc[];
  /** May the user delete single items themselves? */
  userCanDelete: boolean;
  /** Can processing be restricted (art. 18) while the account stays? */
  restrictable: boolean;
  /** Exports of this category may be limited to a date range. */
  timeSeries: boolean;
};
