import { createTransport } from "nodemailer";

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

/**
 * Something that hands a message to a mail server. `from` lives on the transport because the
 * sender address is configured together with the server (MAIL_FROM beside SMTP_URL).
 */
export type MailTransport = {
  readonly from: string;
  send(message: OutgoingMail): Promise<void>;
};

// nodemailer waits up to 2 min for a connection and 10 min on a silent socket by default; a worker
// stuck that long stops every other mail. Settings already in the URL's query win.
const timeouts = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "30000" };

/** Delivers over SMTP: `smtp://user:pass@host:587` or `smtps://…:465` (query options allowed). */
export function smtpTransport(url: string, from: string): MailTransport {
  const withTimeouts = new URL(url);
  for (const [key, value] of Object.entries(timeouts)) {
    if (!withTimeouts.searchParams.has(key)) withTimeouts.searchParams.set(key, value);
  }
  const transporter = createTransport(withTimeouts.toString());
  const secrets = [withTimeouts.password, withTimeouts.username]
    .filter((s) => s.length >= 3)
    .flatMap((s) => [s, safeDecode(s)]);
  return {
    from,
    async send(message) {
      try {
        await transporter.sendMail(message);
      } catch (error) {
        // Rethrown without nodemailer's extra fields (command, response) and with the
        // credentials cut out, so whatever stores or logs it cannot leak them.
        const wrapped = new Error(redactSecrets(errorMessage(error), secrets));
        const code = (error as { code?: unknown }).code;
        if (typeof code === "string") Object.assign(wrapped, { code });
        throw wrapped;
      }
    },
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Removes what could be a credential from an error text: the userinfo of any URL
 * (scheme://user:pass@host) and any literal secrets given. Keeps the text short.
 */
export function redactSecrets(text: string, secrets: string[] = [], max = 500): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/]*@/gi, "$1***@");
  for (const secret of secrets) if (secret) out = out.split(secret).join("***");
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
