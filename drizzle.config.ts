import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates and checks migrations from the schema; it needs no database.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
  strict: true,
  verbose: false,
});
