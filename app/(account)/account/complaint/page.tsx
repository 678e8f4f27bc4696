import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { organisation } from "@/lib/organisation";

export const metadata: Metadata = { title: "Complain" };

/** Where to complain about how we handle personal data, and the dossier to send with it. */
export default async function ComplaintPage() {
  await requireUser();
  const authority = env.SUPERVISORY_AUTHORITY_NAME;
  return (
    <>
      <PageTitle lead="If you think we handle your personal data wrongly, you may complain to the supervisory authority. That is your right, whatever we answered.">
        Complain
      </PageTitle>
      <div className="space-y-6">
        <Card title="The supervisory authority" id="authority">
          <p>
            The authority that oversees how {organisation.shortName} handles personal data is{" "}
            <strong>{authority}</strong>.
          </p>
          <p className="mt-2">
            <a href={env.SUPERVISORY_AUTHORITY_URL} rel="noopener noreferrer">
              Go to the website of {authority}
            </a>{" "}
            to file a complaint.
          </p>
        </Card>
        <Card title="What to include" id="include">
          <ul className="list-disc space-y-1 pl-5">
            <li>Who you are and how they can reach you.</li>
            <li>What you asked us and when — the reference of each request (such as PR-…).</li>
            <li>What we answered, or that we did not answer within the deadline.</li>
            <li>What you think went wrong, and what you want to happen.</li>
          </ul>
          <p className="mt-3">
            The dossier below puts your requests, their dates and our answers on one page, ready to
            print or attach.
          </p>
        </Card>
        <Card title="Your dossier" id="dossier">
          <p>
            <Link href="/account/complaint/dossier" className="font-medium">
              Open your dossier of requests
            </Link>{" "}
            to print it, or{" "}
            <a href="/api/complaint/dossier" download>
              download it as an HTML file
            </a>
            .
          </p>
        </Card>
        <Card title="You can also contact us first" id="contact-us">
          <p>
            You don&apos;t have to, but we may be able to put it right quickly: write to{" "}
            <a href={`mailto:${organisation.contactEmail}`}>{organisation.contactEmail}</a> or{" "}
            <Link href="/account/requests/new?kind=other">send us a question</Link>. Contacting us
            does not stop you from complaining to {authority} later.
          </p>
        </Card>
      </div>
    </>
  );
}
