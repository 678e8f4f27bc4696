// CLI: `npm run admin:create -- --email you@example.com [--name "Your Name"]`
// Makes the first admin of a production deployment (or promotes an existing account): the
// account gets no usable password and this prints a one-time link, valid for 24 hours, where its
// owner chooses one. The link is built on APP_URL, the public address. Reads the same settings
// as the app; on the embedded database, stop the app first (one process per data folder).
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { ADMIN_LINK_HOURS, createOrPromoteAdmin } from "../lib/dal/admin/bootstrap";
import { parseEnv } from "../lib/env-schema";

const HELP = `Usage: npm run admin:create -- --email <address> [--name <name>]

Creates an admin with that address, or makes the existing account with it an admin (its
current password stops working and its sessions end), and prints a one-time link, valid for
${ADMIN_LINK_HOURS} hours, to choose a password. Links use APP_URL.`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string", default: "Administrator" },
      help: { type: "boolean", default: false },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n\n${HELP}`);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const email = values.email?.trim() ?? "";
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail(`--email needs an email address.\n\n${HELP}`);
const name = values.name.trim();
if (!name || name.length > 200) fail("--name needs 1 to 200 characters.");

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  fail((error as Error).message);
}
if (!process.env.APP_URL) {
  console.warn(
    `APP_URL is not set: the link uses ${env.APP_URL}. Set APP_URL to the public address.`,
  );
}
const handle = openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR, poolMax: 1 });
try {
  await migrateDatabase(handle, env.DATABASE_URL);
  const result = await createOrPromoteAdmin(handle.db, { email, name, appUrl: env.APP_URL });
  console.log(
    result.created
      ? `Created admin ${email} (no password yet).`
      : `${email} is now an admin; its old password no longer works and its sessions have ended.`,
  );
  console.log(`Set the password within ${ADMIN_LINK_HOURS} hours (the link works once):`);
  console.log(result.link);
} finally {
  await handle.close();
}
