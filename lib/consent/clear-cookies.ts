/**
 * Deletes cookies by name in the browser, on this host and on every parent domain (vendor
 * scripts often set them on ".example.com"). A name ending in `*` is a prefix.
 */
export function clearCookies(patterns: string[], doc: Document = document): string[] {
  const present = doc.cookie
    .split(";")
    .map((c) => c.split("=")[0]!.trim())
    .filter(Boolean);
  const matches = present.filter((name) =>
    patterns.some((p) => (p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p)),
  );
  for (const name of matches) {
    for (const domain of domainsOf(doc.location.hostname)) {
      const scope = domain ? `; Domain=${domain}` : "";
      doc.cookie = `${name}=; Path=/; Max-Age=0${scope}`;
    }
  }
  return matches;
}

/** "", "www.shop.example.com", "shop.example.com", "example.com" (host-only first). */
export function domainsOf(hostname: string): string[] {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(":") || !hostname.includes(".")) {
    return [""];
  }
  const parts = hostname.split(".");
  const domains = [""];
  for (let i = 0; i < parts.length - 1; i++) domains.push(parts.slice(i).join("."));
  return domains;
}
