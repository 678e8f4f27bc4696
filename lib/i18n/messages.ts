/**
 * Every message the app shows, per language and namespace: messages/<locale>/<namespace>.json.
 * One file per area keeps translations reviewable. lib/i18n/messages.test.ts fails when a key
 * (or a placeholder in it) exists in one language and not the other. Add a namespace here and
 * as a file in both folders.
 */
import en_common from "@/messages/en/common.json";
import en_nav from "@/messages/en/nav.json";
import en_overview from "@/messages/en/overview.json";
import en_consent from "@/messages/en/consent.json";
import en_data from "@/messages/en/data.json";
import en_catalog from "@/messages/en/catalog.json";
import en_security from "@/messages/en/security.json";
import en_export from "@/messages/en/export.json";
import en_rights from "@/messages/en/rights.json";
import en_requests from "@/messages/en/requests.json";
import en_mail from "@/messages/en/mail.json";
import en_auth from "@/messages/en/auth.json";
import en_public from "@/messages/en/public.json";
import en_support from "@/messages/en/support.json";
import en_admin from "@/messages/en/admin.json";
import en_developers from "@/messages/en/developers.json";
import en_profile from "@/messages/en/profile.json";
import en_validation from "@/messages/en/validation.json";
import en_errors from "@/messages/en/errors.json";
import nl_common from "@/messages/nl/common.json";
import nl_nav from "@/messages/nl/nav.json";
import nl_overview from "@/messages/nl/overview.json";
import nl_consent from "@/messages/nl/consent.json";
import nl_data from "@/messages/nl/data.json";
import nl_catalog from "@/messages/nl/catalog.json";
import nl_security from "@/messages/nl/security.json";
import nl_export from "@/messages/nl/export.json";
import nl_rights from "@/messages/nl/rights.json";
import nl_requests from "@/messages/nl/requests.json";
import nl_mail from "@/messages/nl/mail.json";
import nl_auth from "@/messages/nl/auth.json";
import nl_public from "@/messages/nl/public.json";
import nl_support from "@/messages/nl/support.json";
import nl_admin from "@/messages/nl/admin.json";
import nl_developers from "@/messages/nl/developers.json";
import nl_profile from "@/messages/nl/profile.json";
import nl_validation from "@/messages/nl/validation.json";
import nl_errors from "@/messages/nl/errors.json";

export const messages = {
  en: {
    common: en_common,
    nav: en_nav,
    overview: en_overview,
    consent: en_consent,
    data: en_data,
    catalog: en_catalog,
    security: en_security,
    export: en_export,
    rights: en_rights,
    requests: en_requests,
    mail: en_mail,
    auth: en_auth,
    public: en_public,
    support: en_support,
    admin: en_admin,
    developers: en_developers,
    profile: en_profile,
    validation: en_validation,
    errors: en_errors,
  },
  nl: {
    common: nl_common,
    nav: nl_nav,
    overview: nl_overview,
    consent: nl_consent,
    data: nl_data,
    catalog: nl_catalog,
    security: nl_security,
    export: nl_export,
    rights: nl_rights,
    requests: nl_requests,
    mail: nl_mail,
    auth: nl_auth,
    public: nl_public,
    support: nl_support,
    admin: nl_admin,
    developers: nl_developers,
    profile: nl_profile,
    validation: nl_validation,
    errors: nl_errors,
  },
} as const;

export type Messages = (typeof messages)["en"];
export const namespaces = Object.keys(messages.en) as (keyof Messages)[];
