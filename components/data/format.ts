/** Dates on the data pages are shown in UTC, the same on the server and in the browser. */
export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return "—";
  return `${d.toLocaleString("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" })} UTC`;
}

export function formatDate(d: Date | null | undefined): string {
  return d ? d.toLocaleDateString("en-GB", { timeZone: "UTC", dateStyle: "long" }) : "—";
}

export function formatCount(n: number, approximate = false): string {
  return `${approximate ? "about " : ""}${n.toLocaleString("en-GB")}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 ** 2).toFixed(1)} MB`;
}

export const categoryHref = (id: string) => (id === "profile" ? "/account/profile" : `/account/data/${id}`);
