// `npm run customers:rebuild [-- --org <id>]`: recomputes every customer from their orders, one
// customer per transaction, and lists the ones that failed with the reason.
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db/client";
import { rebuildCustomers } from "@/lib/customers/rebuild";
import { describeError } from "./cli";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { org: { type: "string" } } });
  const db = await getDb();
  try {
    const started = Date.now();
    const report = await rebuildCustomers(db, {
      orgId: values.org,
      onProgress: (done) => {
        if (done % 1000 === 0) console.log(`… ${done} customers`);
      },
    });
    console.log(`Recomputed ${report.customers} customers in ${report.organisations} organisation(s) in ${((Date.now() - started) / 1000).toFixed(1)} s; linked ${report.linkedOrders} orders without a customer.`);
    if (report.failed.length > 0) {
      console.log(`${report.failed.length} failed:`);
      for (const failure of report.failed) console.log(`  ${failure.customerId} (${failure.phone ?? failure.email ?? "no key"}): ${failure.error}`);
      process.exitCode = 2;
    }
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(`customers:rebuild failed: ${describeError(error)}`);
  process.exitCode = 1;
});
