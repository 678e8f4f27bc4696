import type { useTranslations } from "next-intl";

type DeviceT = ReturnType<typeof useTranslations<"security.device">>;

/**
 * A device as the sign-in records describe it ("Chrome 131 on Windows", written in English by
 * lib/net/user-agent when the session began) in the viewer's language: "Chrome 131 op Windows".
 */
export function deviceInWords(device: string | null | undefined, t: DeviceT): string {
  if (!device || device === "Unknown device") return t("unknown");
  const parts = /^(.+) on (.+)$/.exec(device);
  return parts ? t("on", { browser: parts[1]!, system: parts[2]! }) : device;
}
