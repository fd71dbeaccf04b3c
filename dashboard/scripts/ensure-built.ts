import { ensureDashboardBuilt } from './build-dashboard.js';

/** The bootstrap's step: build dashboard/dist when it is missing or older than its sources (quick otherwise). */
await ensureDashboardBuilt((line) => process.stderr.write(`==> dashboard: ${line}\n`));
