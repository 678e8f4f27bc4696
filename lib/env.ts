import "server-only";
import { parseEnv } from "./env-schema";

/** The only reader of process.env in the app. Start-up fails with a message naming a bad variable. */
export const env = parseEnv(process.env);

// next-auth reads its own base URL from the environment; give it ours.
process.env.NEXTAUTH_URL ??= env.APP_URL;
