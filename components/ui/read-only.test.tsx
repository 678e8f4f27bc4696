import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { Button } from "./button";
import { TextField } from "./field";
import { ReadOnlyFieldset, ReadOnlyProvider, type ReadOnlyView } from "./read-only";

function render(view: ReadOnlyView, children: ReactNode, locale: "en" | "nl" = "en") {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="UTC">
      <ReadOnlyProvider value={view}>{children}</ReadOnlyProvider>
    </NextIntlClientProvider>,
  );
}

const sanne = { holderName: "Sanne" };

describe("forms in a support view", () => {
  it("leave everything live outside a support view", () => {
    const html = render(
      null,
      <>
        <TextField label="Name" defaultValue="Sanne" />
        <Button type="submit">Save profile</Button>
      </>,
    );
    expect(html).not.toContain(`disabled=""`);
    expect(html).not.toContain("Read-only");
  });

  it("disable submit buttons and fields, with the reason beside the button", () => {
    const html = render(
      sanne,
      <>
        <TextField label="Name" defaultValue="Sanne" />
        <Button type="submit">Save profile</Button>
      </>,
    );
    expect(html.match(/disabled=""/g)).toHaveLength(2);
    expect(html).toContain("Read-only: you are viewing Sanne&#x27;s account as support");
    const describedBy = /<button[^>]*aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`id="${describedBy}"`);
  });

  it("say the reason once for a whole fieldset, with no reference to a missing line", () => {
    const html = render(
      sanne,
      <ReadOnlyFieldset>
        <input type="checkbox" aria-label="printers:write" />
        <Button type="submit">Create token</Button>
      </ReadOnlyFieldset>,
    );
    expect(html.match(/Read-only: you are viewing/g)).toHaveLength(1);
    expect(html).toMatch(/<fieldset disabled="">/);
    expect(html).not.toContain("aria-describedby");
  });

  it("say why in Dutch to a Dutch reader", () => {
    const html = render(sanne, <Button>Opslaan</Button>, "nl");
    expect(html).toContain("Alleen-lezen: je bekijkt het account van Sanne als support");
  });

  it("leave buttons that change nothing alone (type=button, or marked safe)", () => {
    const html = render(
      sanne,
      <>
        <Button type="button">Close</Button>
        <Button type="submit" allowInReadOnly>
          Search
        </Button>
      </>,
    );
    expect(html).not.toContain(`disabled=""`);
  });

  it("disable a whole fieldset of raw controls", () => {
    const html = render(
      sanne,
      <ReadOnlyFieldset>
        <input type="checkbox" aria-label="Newsletter" />
      </ReadOnlyFieldset>,
    );
    expect(html).toMatch(/<fieldset disabled="">/);
    expect(html).toContain("Read-only");
  });
});
