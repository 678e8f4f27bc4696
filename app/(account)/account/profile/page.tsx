import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { getMyProfile } from "@/lib/dal/account";
import { EmailChangeForm } from "./email-form";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const profile = await getMyProfile();
  return (
    <>
      <PageTitle lead="If anything here is wrong or out of date, correct it. Every change is recorded.">
        Your profile
      </PageTitle>
      <div className="space-y-6">
        <Card title="About you" id="about">
          <ProfileForm
            initial={{
              name: profile.name,
              company: profile.company ?? "",
              country: profile.country ?? "",
              phone: profile.phone ?? "",
              language: profile.language,
            }}
          />
        </Card>
        <Card title="Email address" id="email">
          <EmailChangeForm current={profile.email} pending={profile.pendingEmail} />
        </Card>
      </div>
    </>
  );
}
