// A catch-all mail server for the end-to-end tests: accepts every message over SMTP and shows the
// received ones as JSON over HTTP, so a Playwright test can read a verification link.
//   GET    /messages?to=<addr>  newest first: [{ to, subject, text, raw, receivedAt }]
//   DELETE /messages[?to=<addr>] forget all (or one recipient's) messages
import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";

/** @param {{ smtpPort: number; httpPort: number }} ports  0 picks a free port (see the result). */
export async function startTestMailServer({ smtpPort, httpPort }) {
  /** Newest first. @type {{ to: string; recipients: string[]; subject: string; text: string;
   *  raw: string; receivedAt: string }[]} */
  let messages = [];

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on("data", (chunk) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        try {
          const parsed = parseMessage(raw);
          const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          messages.unshift({
            to: parsed.to || recipients.join(", "),
            recipients,
            subject: parsed.subject,
            text: parsed.text,
            raw,
            receivedAt: new Date().toISOString(),
          });
          callback();
        } catch (error) {
          callback(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
  });

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const to = url.searchParams.get("to")?.toLowerCase();
    const matches = (m) => !to || m.recipients.includes(to) || m.to.toLowerCase().includes(to);
    if (url.pathname !== "/messages") return send(res, 404, { error: "not found" });
    if (req.method === "GET") {
      return send(
        res,
        200,
        messages.filter(matches).map(({ recipients: _r, ...m }) => m),
      );
    }
    if (req.method === "DELETE") {
      messages = to ? messages.filter((m) => !matches(m)) : [];
      return send(res, 200, { ok: true });
    }
    return send(res, 405, { error: "method not allowed" });
  });

  const smtpAddress = await listen(smtp.server, smtpPort);
  const httpAddress = await listen(http, httpPort);
  return {
    smtpPort: smtpAddress.port,
    httpPort: httpAddress.port,
    async close() {
      await Promise.all([
        new Promise((resolve) => smtp.close(() => resolve(undefined))),
        new Promise((resolve) => {
          http.closeAllConnections?.();
          http.close(() => resolve(undefined));
        }),
      ]);
    },
  };
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve(server.address());
    });
  });
}

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** Just enough MIME for what nodemailer writes: headers, multipart, quoted-printable, base64. */
export function parseMessage(raw) {
  const { headers, body } = splitHeaders(raw);
  return {
    to: decodeWords(headers.get("to") ?? ""),
    subject: decodeWords(headers.get("subject") ?? ""),
    text: findText(headers, body) ?? "",
  };
}

function splitHeaders(part) {
  const normalized = part.replace(/\r\n/g, "\n");
  const end = normalized.indexOf("\n\n");
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? "" : normalized.slice(end + 2);
  const headers = new Map();
  // Folded header lines continue with whitespace (RFC 5322 2.2.3).
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The first text/plain part, depth first; a lone text/html part as a fallback. */
function findText(headers, body) {
  const type = (headers.get("content-type") ?? "text/plain").toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(headers.get("content-type") ?? "")?.[1];
    if (!boundary) return undefined;
    const parts = body.split(`--${boundary}`).slice(1);
    let html;
    for (const part of parts) {
      if (part.startsWith("--")) break;
      const inner = splitHeaders(part.replace(/^\n/, ""));
      const innerType = (inner.headers.get("content-type") ?? "text/plain").toLowerCase();
      if (innerType.startsWith("text/html")) html ??= decodeBody(inner.headers, inner.body);
      else {
        const text = findText(inner.headers, inner.body);
        if (text !== undefined) return text;
      }
    }
    return html;
  }
  if (type.startsWith("text/")) return decodeBody(headers, body);
  return undefined;
}

function decodeBody(headers, body) {
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const charset = /charset="?([^";]+)"?/i.exec(headers.get("content-type") ?? "")?.[1] ?? "utf-8";
  let bytes;
  if (encoding === "base64") bytes = Buffer.from(body.replace(/\s+/g, ""), "base64");
  else if (encoding === "quoted-printable") bytes = decodeQuotedPrintable(body);
  else bytes = Buffer.from(body, "utf8");
  return decodeCharset(charset, bytes).replace(/\n$/, "");
}

function decodeQuotedPrintable(body) {
  const soft = body.replace(/=\n/g, ""); // soft line breaks split long lines (and long URLs)
  const bytes = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], "utf8"));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?=, =?UTF-8?B?…?=): how nodemailer writes non-ASCII. */
function decodeWords(value) {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2") // whitespace between encoded words is not part of the text
    .replace(/=\?([^?]+)\?([bq])\?([^?]*)\?=/gi, (_match, charset, kind, data) => {
      const bytes =
        kind.toLowerCase() === "b"
          ? Buffer.from(data, "base64")
          : decodeQuotedPrintable(data.replace(/_/g, " "));
      return decodeCharset(charset, bytes);
    });
}

function decodeCharset(charset, bytes) {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString("utf8"); // an unknown charset should not make the server reject mail
  }
}
