import "server-only";
import { getDbHandle } from "@/db";
import { isDatabaseEmpty, seedDemoData } from "@/db/seed";
import { findStaffWithPublishedPassword } from "@/db/seed/guard";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { productionStartProblem, seedsDemoDataOnStart } from "@/lib/env-schema";
import { log } from "@/lib/log";
import { startMailWorker } from "@/lib/dal/mail/worker";
import { startJobs } from "@/lib/jobs";
import { internalKey } from "@/lib/net/internal-key";

/**
 * Migrates, refuses what a production start must not serve, seeds an empty database when asked
 * to, and prints how to sign in. A refusal throws: instrumentation.ts prints its one line and
 * the process exits 1 before server.ts says "Listening".
 */
export async function startServer(): Promise<void> {
  const production = env.NODE_ENV === "production";
  if (production && !internalKey()) {
    throw new Error(
      "start the app with `npm start` (server.ts), not `next start`: only server.ts decides the client address the sign-in throttle and history rely on.",
    );
  }
  const problem = productionStartProblem(env);
  if (problem) throw new Error(problem);
  const handle = await getDbHandle();
  authSecret(); // a missing or unsafe key file stops the start here, not at the first sign-in
  const where = env.DATABASE_URL ? "PostgreSQL" : `the embedded database (${env.PGLITE_DATA_DIR})`;
  log.info(`Database ready: ${where}, migrations applied.`);
  if (production && !env.DEMO_MODE) {
    const staff = await findStaffWithPublishedPassword(handle, verifyPassword);
    if (staff.length > 0) {
      throw new Error(
        `staff account ${staff.join(", ")} still has a published demo password. Give it a new one (\`npm run admin:create -- --email <address>\` prints a set-password link) or delete it. DEMO_MODE=true allows this for demonstrations only, never for a real deployment.`,
      );
    }
  }
  if (env.DEMO_MODE) log.warn("DEMO_MODE is on: sample data only, never for a real deployment.");
  startMailWorker();
  // After the migrations above (pg-boss then adds its own `pgboss` schema). server.ts stops the
  // workers on SIGTERM/SIGINT; jobs that were running are retried by another instance.
  await startJobs();
  if (seedsDemoDataOnStart(env) && (await isDatabaseEmpty(handle))) {
    const summary = await seedDemoData(handle, { hashPassword });
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
    if (production && (await isDatabaseEmpty(handle))) {
      log.info(
        "No accounts yet: make the first admin with `npm run admin:create -- --email <address>`.",
      );
    }
  }
}
