// next-auth's own endpoints (CSRF token, credentials callback, sign-out). Public on purpose: the
// credentials callback is where authentication happens; it checks the password and throttles.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/dal/auth-options";

export const dynamic = "force-dynamic";

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
