import "server-only";
import { getDbHandle } from "@/db";
import { isDatabaseEmpty, seedDemoData } from "@/db/seed";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { startMailWorker } from "@/lib/dal/mail/worker";

/** Migrates, seeds an empty database when asked to, and prints how to sign in. */
export async function startServer(): Promise<void> {
  const handle = await getDbHandle();
  const where = env.DATABASE_URL ? "PostgreSQL" : `the embedded database (${env.PGLITE_DATA_DIR})`;
  log.info(`Database ready: ${where}, migrations applied.`);
  startMailWorker();
  const seed = env.SEED_DEMO_DATA ?? !env.DATABASE_URL;
  if (seed && (await isDatabaseEmpty(handle))) {
    const summary = await seedDemoData(handle, {});
    log.info(
      [
        `Demo data created. Open ${env.APP_URL} and sign in as:`,
        `  account holder  ${summary.demo.email}  /  ${summary.demo.password}`,
        `  support agent   ${summary.agent.email}  /  ${summary.agent.password}`,
        `  admin           ${summary.admin.email}  /  ${summary.admin.password}`,
      ].join("\n"),
    );
  } else {
    log.info(`Privacy Center is running at ${env.APP_URL}`);
  }
}
