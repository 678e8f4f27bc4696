import { permanentRedirect } from "next/navigation";

// One page per topic: your consents, current and past, are on /account/consents.
export default function CookieConsentsRedirect() {
  permanentRedirect("/account/consents");
}
