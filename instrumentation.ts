/**
 * Runs once when a server process starts (never during `next build`): opens and migrates the
 * database, seeds demo data into an empty one when configured, and says where the app is.
 */
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/db/startup");
  await startServer();
}
