import { permanentRedirect } from "next/navigation";
import type { SearchParams } from "@/lib/search-params";

/**
 * One page per topic: the staff-access category page shows every visit in full. This address
 * (in mails already sent) keeps working, its page cursor included.
 */
export default async function StaffAccessRedirect(props: { searchParams: SearchParams }) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await props.searchParams)) {
    for (const one of Array.isArray(value) ? value : value ? [value] : []) query.append(key, one);
  }
  const rest = query.size > 0 ? `?${query}` : "";
  permanentRedirect(`/account/data/staff-access${rest}`);
}
