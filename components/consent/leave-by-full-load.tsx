"use client";

import { useEffect } from "react";
import { mayRunVendorScripts } from "@/lib/consent/public-pages";

/**
 * On a page where vendor scripts run, a link to any other page of the app opens as a new
 * document instead of a client-side navigation: a script once loaded keeps running in the
 * window, and would otherwise watch the account page the visitor moves on to.
 */
export function LeaveByFullLoad() {
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement)) return;
      if (link.target && link.target !== "_self") return;
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin || mayRunVendorScripts(url.pathname)) return;
      // Capture phase on document runs before Next's link handler, which never sees the click.
      event.preventDefault();
      event.stopPropagation();
      location.assign(url.href);
    }
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);
  return null;
}
