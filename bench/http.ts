/** A tiny cookie-keeping HTTP client for the benchmarks: real requests, no browser. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(private base: string) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The Cookie header this client sends (e.g. to hand a signed-in session to a load tool). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("cookie", this.cookieHeader());
    const res = await fetch(this.base + path, { ...init, headers, redirect: "manual" });
    this.remember(res);
    return res;
  }

  /** next-auth credentials sign-in: CSRF token first, then the callback with its cookie. */
  async signIn(email: string, password: string): Promise<void> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        csrfToken,
        email,
        password,
        json: "true",
        callbackUrl: "/account",
      }),
    });
    await res.arrayBuffer();
    const check = await this.fetch("/account");
    await check.arrayBuffer();
    if (check.status !== 200) throw new Error(`sign-in failed: /account answered ${check.status}`);
  }

  /** Wall time of one full GET (body read to the end); throws unless 200. */
  async time(path: string): Promise<number> {
    const started = performance.now();
    const res = await this.fetch(path);
    const body = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    if (body.length < 500) throw new Error(`${path} returned a suspiciously short page`);
    return ms;
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Drops a benchmark's throw-away database and closes the admin connection: after a pause, so
 * the app instances just told to stop have let go of their connections.
 */
export async function dropBenchDatabase(
  admin: {
    unsafe: (query: string) => PromiseLike<unknown>;
    end: (o: { timeout: number }) => Promise<void>;
  },
  dbName: string,
  pauseMs = 1_000,
): Promise<void> {
  await new Promise((r) => setTimeout(r, pauseMs));
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end({ timeout: 5 });
  console.log(`Dropped ${dbName}.`);
}
