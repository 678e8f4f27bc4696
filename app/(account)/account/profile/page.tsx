import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { getMyProfile } from "@/lib/dal/account";
import { countryCodes } from "@/lib/validation/countries";
import { EmailChangeForm } from "./email-form";
import { ProfileForm, type CountryOption } from "./profile-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

/**
 * Country names in the viewer's language, computed here on the server only and passed down as
 * data: Intl.DisplayNames differs between Node and the browser ("Falkland Islands (Islas
 * Malvinas)" vs "Falkland Islands"), and names built in the browser broke hydration (#418).
 */
function countryOptions(locale: string): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const collator = new Intl.Collator(locale);
  return countryCodes
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export default async function ProfilePage() {
  const [profile, t, locale] = await Promise.all([
    getMyProfile(),
    getTranslations("profile"),
    getLocale(),
  ]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("about.title")} id="about">
          <ProfileForm
            countries={countryOptions(locale)}
            initial={{
              name: profile.name,
              company: profile.company ?? "",
              country: profile.country ?? "",
              phone: profile.phone ?? "",
              language: profile.language,
            }}
          />
        </Card>
        <Card title={t("email.title")} id="email">
          <EmailChangeForm current={profile.email} pending={profile.pendingEmail} />
        </Card>
      </div>
    </>
  );
}
