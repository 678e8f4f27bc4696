import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getCurrentSession } from "@/lib/dal/session";

/**
 * The account home's greeting: "Hello, Sanne" is for Sanne. An agent in a support view is not
 * Sanne, so there the heading says whose account this is instead.
 */
export async function AccountGreeting({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  if (!session?.impersonatorId) return <>{children}</>;
  const t = await getTranslations("support.banner");
  return <>{t("accountOf", { name: session.user.name })}</>;
}
