import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { keyFilePath, loadKeyFile } from "./secret";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "pc-secret-"));
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database's session key file", () => {
  it("lives inside the data folder, never beside it", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("PGLITE_DATA_DIR", path.join(dir, "x"));
    vi.resetModules();
    const { authSecret } = await import("./secret");
    const key = authSecret();
    expect(existsSync(path.join(dir, "auth-secret"))).toBe(false);
    expect(readFileSync(path.join(dir, "x", "auth-secret"), "utf8")).toBe(key);
    expect(keyFilePath(path.join(dir, "x"))).toBe(path.join(dir, "x", "auth-secret"));
  });

  it("is created with mode 0600 and read back unchanged on the next start", () => {
    const file = path.join(dir, "data", "auth-secret");
    const first = loadKeyFile(file);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadKeyFile(file)).toBe(first);
  });

  it("refuses a key file that other users may write, naming the file and the fix", () => {
    const file = path.join(dir, "auth-secret");
    writeFileSync(file, "a".repeat(64), { mode: 0o600 });
    chmodSync(file, 0o666);
    expect(() => loadKeyFile(file)).toThrow(
      `Session key file ${file} can be written by other users (mode 666)`,
    );
    chmodSync(file, 0o620);
    expect(() => loadKeyFile(file)).toThrow(/mode 620/);
    chmodSync(file, 0o644); // readable by others is a weaker setup, but not a forgery risk
    expect(loadKeyFile(file)).toBe("a".repeat(64));
  });

  it("refuses a symlink or a short key instead of trusting it", () => {
    const target = path.join(dir, "elsewhere");
    writeFileSync(target, "b".repeat(64), { mode: 0o600 });
    mkdirSync(path.join(dir, "data"));
    symlinkSync(target, path.join(dir, "data", "auth-secret"));
    expect(() => loadKeyFile(path.join(dir, "data", "auth-secret"))).toThrow(/not a regular file/);
    writeFileSync(path.join(dir, "short"), "abc", { mode: 0o600 });
    expect(() => loadKeyFile(path.join(dir, "short"))).toThrow(/fewer than 32 characters/);
  });
});
