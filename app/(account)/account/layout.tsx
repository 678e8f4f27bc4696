import { getTranslations } from "next-intl/server";
import { AccountNav } from "@/components/layout/account-nav";
import { GraceBanner } from "@/components/erasure/grace-banner";
import { getMyPendingErasure } from "@/lib/dal/erasure/request";
import { getCurrentSession, requireUser } from "@/lib/dal/session";
import { keepMyAccountAction } from "./delete/actions";

/** The signed-in area. Each page checks the session again through lib/dal; this is navigation. */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const erasure = await getMyPendingErasure();
  const t = await getTranslations("nav");
  // In a support view the person reading is the agent, not the holder whose name this is.
  const supportView = Boolean((await getCurrentSession())?.impersonatorId);
  return (
    <div className="space-y-6">
      {erasure && (
        <GraceBanner
          scheduledFor={erasure.scheduledFor}
          reference={erasure.reference}
          started={erasure.status !== "received"}
          keep={keepMyAccountAction}
        />
      )}
      <div className="space-y-3">
        <p className="text-sm text-slate-700">
          {t.rich(supportView ? "viewingAs" : "signedInAs", {
            name: () => <span className="font-medium text-slate-900">{user.name}</span>,
          })}
        </p>
        {/* Phone menu, content, sidebar: see AccountNav for why the sidebar comes last. */}
        <div className="grid gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
          <div className="lg:hidden">
            <AccountNav variant="phone" />
          </div>
          <div className="min-w-0 lg:col-start-2 lg:row-start-1">{children}</div>
          <div className="hidden lg:col-start-1 lg:row-start-1 lg:block">
            <AccountNav variant="sidebar" />
          </div>
        </div>
      </div>
    </div>
  );
}
