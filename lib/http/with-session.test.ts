import { describe, expect, it } from "vitest";
import { CrossSiteError } from "@/lib/errors";
import { assertSameOrigin } from "./with-session";

const at = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/export?format=json", {
    headers: { host: "127.0.0.1:3000", ...headers },
  });

describe("assertSameOrigin", () => {
  it("lets this site's own requests through, and requests from no browser at all", () => {
    expect(() => assertSameOrigin(at({ "sec-fetch-site": "same-origin" }))).not.toThrow();
    expect(() => assertSameOrigin(at({ origin: "http://127.0.0.1:3000" }))).not.toThrow();
    expect(() => assertSameOrigin(at({}))).not.toThrow();
  });

  it("refuses a request another site (or nobody's page) started", () => {
    for (const site of ["cross-site", "same-site", "none"]) {
      expect(() => assertSameOrigin(at({ "sec-fetch-site": site }))).toThrow(CrossSiteError);
    }
    expect(() => assertSameOrigin(at({ origin: "http://evil.test" }))).toThrow(CrossSiteError);
    expect(() => assertSameOrigin(at({ origin: "null" }))).toThrow(CrossSiteError);
    expect(() =>
      assertSameOrigin(at({ "sec-fetch-site": "same-origin", origin: "https://evil.test" })),
    ).toThrow(CrossSiteError);
  });
});
