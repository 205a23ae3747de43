import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema (`npm run db:generate`) and never edited by hand.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
});
