"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { HeaderState } from "@/lib/dal/session";

/**
 * The header's links, following the session's real state: the root layout renders it once, and
 * is not rendered again on client navigation, so on every navigation (and when the tab comes
 * back into view) it asks /api/session again. A session ended elsewhere ("sign out everywhere
 * else", a withdrawn support grant) then stops showing "Your data" and "Sign out".
 */
export function HeaderNav({
  initial,
  signOut,
}: {
  initial: HeaderState;
  signOut: React.ReactNode;
}) {
  const t = useTranslations("nav.header");
  const pathname = usePathname();
  const [state, setState] = useState(initial);
  const [given, setGiven] = useState(initial);
  if (given !== initial) {
    // The server rendered the layout again (a full load or router.refresh()): its answer wins.
    setGiven(initial);
    setState(initial);
  }
  const rendered = useRef(pathname);

  useEffect(() => {
    const abort = new AbortController();
    const check = () =>
      fetch("/api/session", { cache: "no-store", signal: abort.signal })
        .then((r) => (r.ok ? (r.json() as Promise<HeaderState>) : null))
        .then((next) => {
          if (next) setState(next);
        })
        .catch(() => {}); // offline or aborted: keep what is shown
    // The first render already has the server's answer for this page.
    if (rendered.current !== pathname) void check();
    rendered.current = pathname;
    const onVisible = () => {
      if (document.visibilityState === "visible") void check();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      abort.abort();
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [pathname]);

  const nav = [
    { href: "/", label: t("home") },
    { href: "/policy", label: t("policy") },
    ...(state.signedIn ? [{ href: "/account", label: t("account") }] : []),
    ...(state.staff ? [{ href: "/support", label: t("support") }] : []),
    ...(state.staff === "admin" ? [{ href: "/admin/audit", label: t("admin") }] : []),
  ];
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {nav.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="text-slate-700 no-underline hover:underline">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
      {state.supportView ? null : state.signedIn ? (
        signOut
      ) : (
        <Link href="/sign-in" className="font-medium">
          {t("signIn")}
        </Link>
      )}
    </nav>
  );
}
