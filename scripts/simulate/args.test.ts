import { describe, expect, it } from "vitest";
import { parseSimulatorArgs, UsageError } from "./args";

const TOKEN = "pct_abcdefghijklmnopqrstuvwxyz0123456789";

describe("parseSimulatorArgs", () => {
  it("has defaults for everything but the token", () => {
    expect(parseSimulatorArgs(["--token", TOKEN])).toEqual({
      token: TOKEN,
      demo: false,
      url: "http://127.0.0.1:3000",
      printers: 3,
      interval: 3,
      duration: 0,
    });
  });

  it("reads every option, and keeps only the origin of the address", () => {
    expect(
      parseSimulatorArgs([
        "--token",
        TOKEN,
        "--url",
        "http://localhost:3120/account",
        "--printers",
        "1",
        "--interval",
        "0.5",
        "--duration",
        "15",
      ]),
    ).toEqual({
      token: TOKEN,
      demo: false,
      url: "http://localhost:3120",
      printers: 1,
      interval: 0.5,
      duration: 15,
    });
  });

  it("takes the token from PC_TOKEN, and --demo without one", () => {
    expect(parseSimulatorArgs([], { PC_TOKEN: TOKEN })?.token).toBe(TOKEN);
    expect(parseSimulatorArgs(["--demo"])).toMatchObject({ demo: true, token: null });
  });

  it("returns null for --help", () => {
    expect(parseSimulatorArgs(["--help"])).toBeNull();
  });

  it.each([
    [[], /Give --token/],
    [["--token", TOKEN, "--demo"], /not both/],
    [["--token", "abc"], /starts with pct_/],
    [["--token", TOKEN, "--printers", "0"], /--printers must be a whole number from 1 to 50/],
    [["--token", TOKEN, "--printers", "51"], /--printers/],
    [["--token", TOKEN, "--printers", "2.5"], /whole number/],
    [["--token", TOKEN, "--interval", "0.1"], /--interval must be a number from 0.2/],
    [["--token", TOKEN, "--interval", "soon"], /--interval/],
    [["--token", TOKEN, "--duration", "-1"], /--duration/],
    [["--token", TOKEN, "--url", "not a url"], /--url must be an address/],
    [["--token", TOKEN, "--url", "ftp://example.com"], /http:\/\/ or https:\/\//],
    [["--token", TOKEN, "--colour", "red"], /colour/],
  ])("refuses %j with a clear message", (argv, message) => {
    expect(() => parseSimulatorArgs(argv)).toThrow(UsageError);
    expect(() => parseSimulatorArgs(argv)).toThrow(message);
  });
});
