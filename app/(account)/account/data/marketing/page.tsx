import { permanentRedirect } from "next/navigation";
import type { SearchParams } from "@/lib/search-params";

// One page per topic: marketing email (your choices and what we recorded) is /account/preferences.
export default async function MarketingRedirect(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (typeof v === "string") q.set(k, v);
  permanentRedirect(q.size ? `/account/preferences?${q}` : "/account/preferences");
}
