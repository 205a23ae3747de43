// Every benchmark workload, by name (`npm run bench -- <name>`).
import type { StandaloneWorkload, Workload } from "../harness";
import { analyserWorkload } from "./analyser";
import { anomaliesWorkload } from "./anomalies";
import { dealsScanWorkload } from "./deals-scan";
import { exportWorkload } from "./export";
import { ordersImportWorkload } from "./orders-import";
import { ingestWorkload } from "./ingest";
import { pagesWorkload } from "./pages";
import { reportFactsWorkload } from "./report-facts";
import { reportsWorkload } from "./reports";
import { seedWorkload } from "./seed";
import { syncWorkload } from "./sync";

export const WORKLOADS: (Workload | StandaloneWorkload)[] = [seedWorkload, dealsScanWorkload, reportsWorkload, exportWorkload, reportFactsWorkload, syncWorkload, ingestWorkload, pagesWorkload, ordersImportWorkload, analyserWorkload, anomaliesWorkload];
