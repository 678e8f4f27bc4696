/**
 * The organisation this privacy center serves. Another company deploys the product by editing
 * this file alone.
 */
export const organisation = {
  name: "Ultimaker B.V.",
  shortName: "Ultimaker",
  productName: "Privacy Center",
  address: "Utrecht, the Netherlands",
  contactEmail: "privacy@ultimaker.com",
  supervisoryAuthority: {
    name: "Autoriteit Persoonsgegevens",
    url: "https://autoriteitpersoonsgegevens.nl/",
  },
  /** Days to answer a privacy request (GDPR art. 12(3)). */
  responseDeadlineDays: 30,
  /** Days between an erasure request and the erasure, during which it can be cancelled. */
  erasureGraceDays: 30,
  /** Version of the privacy statement the catalog describes; recorded with every consent. */
  policyVersion: "2019-04-12",
  policyUpdatedOn: "2019-04-12",
  /** Raised when the cookie banner's vendors or purposes change: everyone is asked again. */
  cookieBannerRevision: 1,
  /** When our Global Privacy Control support last changed (published in /.well-known/gpc.json). */
  gpcLastUpdate: "2026-11-29",
} as const;

export type Organisation = typeof organisation;
