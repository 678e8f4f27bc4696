import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(account)/account/actions";

export async function SignOutButton() {
  const t = await getTranslations("nav.header");
  return (
    <form action={signOutAction}>
      <button type="submit" className="text-sm text-slate-700 underline-offset-2 hover:underline">
        {t("signOut")}
      </button>
    </form>
  );
}
