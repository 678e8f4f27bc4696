import { headers } from "next/headers";
import { VendorScripts } from "@/components/consent/vendor-scripts";

/**
 * The public pages that may run the vendor scripts a visitor consented to (the list is
 * lib/consent/public-pages.ts). No other layout renders them.
 */
export default async function VendorPagesLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <>
      <VendorScripts nonce={nonce} />
      {children}
    </>
  );
}
