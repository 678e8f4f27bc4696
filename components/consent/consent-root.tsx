import { cookieVendors } from "@/lib/catalog/vendors";
import { CookieBanner, type BannerVendor } from "./cookie-banner";
import { readConsent } from "./consent-state";

/**
 * The cookie banner, on every page: a visitor can make or change their choice anywhere. It
 * loads no vendor script itself; only the public pages do (see VendorScripts).
 */
export async function ConsentRoot() {
  const { revision, gpc, choice, adopt, effective } = await readConsent();
  const vendors: BannerVendor[] = cookieVendors.map((v) => ({
    id: v.id,
    name: v.name,
    company: v.company,
    category: v.category,
    purpose: v.purpose,
    cookies: v.cookies,
    retired: v.retired?.note ?? null,
  }));

  return (
    <CookieBanner
      revision={revision}
      deviceId={choice?.deviceId ?? null}
      current={effective}
      hasChoice={effective !== null}
      gpcHeader={gpc}
      adopt={adopt}
      vendors={vendors}
    />
  );
}
