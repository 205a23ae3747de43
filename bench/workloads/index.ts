// Every benchmark workload, by name (`npm run bench -- <name>`).
import type { Workload } from "../harness";
import { dealsScanWorkload } from "./deals-scan";
import { reportsWorkload } from "./reports";
import { seedWorkload } from "./seed";

export const WORKLOADS: Workload[] = [seedWorkload, dealsScanWorkload, reportsWorkload];
