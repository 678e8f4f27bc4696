/**
 * Runs once when a server process starts (never during `next build`): opens and migrates the
 * database, refuses an unsafe production start, seeds demo data into an empty one when
 * configured, and says where the app is. A refusal is one line on stderr and exit code 1, whether
 * server.ts or `next start` runs the app.
 */
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/db/startup");
  try {
    await startServer();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[error] Start-up refused: ${message.replace(/\s*\n\s*/g, " ")}`);
    process.exit(1);
  }
}
