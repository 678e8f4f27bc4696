import { describe, expect, it } from "vitest";
import { renderCampaignMail } from "./campaign";
import { deriveLinkKey, signLinkToken, verifyLinkToken } from "./link-tokens";

const key = deriveLinkKey("x".repeat(64));
const user = "3f0c8a8e-2b1e-4c8e-9a52-0f3c2d9e7b11";
const content = {
  subject: "News",
  body: "First paragraph.\n\nSecond paragraph.",
  link: { href: "https://ultimaker.com/news", label: "Read more" },
};

describe("signed email links", () => {
  it("verifies its own tokens and refuses tampered ones or another kind", () => {
    const token = signLinkToken(key, {
      k: "click",
      u: user,
      c: "nov",
      url: "https://ultimaker.com/a",
    });
    expect(verifyLinkToken(key, token, "click")?.url).toBe("https://ultimaker.com/a");
    expect(verifyLinkToken(key, token, "open")).toBeNull();
    const [, sig] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ k: "click", u: user, c: "nov", url: "https://evil.example/" }),
    ).toString("base64url");
    expect(verifyLinkToken(key, `${forged}.${sig}`, "click")).toBeNull();
    expect(verifyLinkToken(deriveLinkKey("y".repeat(64)), token, "click")).toBeNull();
    expect(verifyLinkToken(key, "garbage", "click")).toBeNull();
  });
});

describe("campaign mail", () => {
  const tokens = { openToken: "OPEN.tok", clickToken: "CLICK.tok", unsubscribeToken: "UNSUB.tok" };

  it("has a pixel and a rewritten link only when the recipient allowed them", () => {
    const tracked = renderCampaignMail("https://pc.example", "Ada", content, tokens);
    expect(tracked.html).toContain('<img src="https://pc.example/api/email/open/OPEN.tok"');
    expect(tracked.html).toContain("https://pc.example/api/email/click/CLICK.tok");
    expect(tracked.html).not.toContain("https://ultimaker.com/news");

    const plain = renderCampaignMail("https://pc.example", "Ada", content, {
      ...tokens,
      openToken: null,
      clickToken: null,
    });
    expect(plain.html).not.toContain("<img");
    expect(plain.html).not.toContain("/api/email/");
    expect(plain.html).toContain("https://ultimaker.com/news");
  });

  it("always offers one-click unsubscribe (RFC 8058) and a visible link", () => {
    const mail = renderCampaignMail("https://pc.example", null, content, {
      ...tokens,
      openToken: null,
      clickToken: null,
    });
    expect(mail.headers).toEqual({
      "List-Unsubscribe": "<https://pc.example/api/email/unsubscribe/UNSUB.tok>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(mail.text).toContain("https://pc.example/unsubscribe?token=UNSUB.tok");
  });
});
