import type { ReactNode } from "react";
import { ReadOnlyProvider } from "@/components/ui/read-only";
import { getCurrentSession } from "@/lib/dal/session";

/**
 * Marks everything inside it as read-only while this browser is in a support view, so
 * components/ui's submit buttons and fields render disabled with the reason. Placed once, around
 * the page content in app/layout.tsx. The session is read once per request (React's cache), the
 * same read the banner makes.
 */
export async function ReadOnlyBoundary({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  const view = session?.readOnly ? { holderName: session.user.name } : null;
  return <ReadOnlyProvider value={view}>{children}</ReadOnlyProvider>;
}
