import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Languages without a prefix in the URL: i18n/request.ts picks one per request.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships a WASM build of PostgreSQL and argon2 a native addon: both must be
  // loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "pg-boss"],
  poweredByHeader: false,
  // The dev server is reached as localhost or 127.0.0.1 alike.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  reactStrictMode: true,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
