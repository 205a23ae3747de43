// A consistent copy of the embedded database: PGlite's own dump of its data folder (a tarball,
// gzipped), taken under the folder's lock — so never while `npm start` writes to it (the lock's
// error says which process holds it). Restoring loads the dump into a new, empty folder.
import fs from "node:fs";
import path from "node:path";
import { lockDataDir } from "../pglite-lock";

export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`There is no embedded database at ${dataDir} to back up.`);
  const release = lockDataDir(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create(dataDir);
    try {
      const dump = Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer());
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      fs.writeFileSync(file, dump);
      return { bytes: dump.length };
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`There is no backup file ${file}.`);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty: restore into a new folder (PGLITE_DATA_DIR), never over a database.`);
  }
  const release = lockDataDir(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create({ dataDir, loadDataDir: new Blob([fs.readFileSync(file)]) });
    await client.close();
  } finally {
    release();
  }
}
