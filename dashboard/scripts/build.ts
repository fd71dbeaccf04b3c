import { buildDashboard } from './build-dashboard.js';

/** `npm run dashboard:build`: dashboard/dist alone (`npm run build` builds it too, into dist/). */
const { ms } = await buildDashboard((line) => process.stderr.write(`dashboard: ${line}\n`));
process.stderr.write(`dashboard: built in ${(ms / 1000).toFixed(1)}s\n`);
