export { formatDate, formatDateTime } from "@/lib/format";

export function formatCount(n: number, approximate = false): string {
  return `${approximate ? "about " : ""}${n.toLocaleString("en-GB")}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 ** 2).toFixed(1)} MB`;
}

export const categoryHref = (id: string) =>
  id === "profile" ? "/account/profile" : `/account/data/${id}`;
