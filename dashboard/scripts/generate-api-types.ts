import { writeFile } from 'node:fs/promises';
import { startTestApi } from '../../test/integ/api/harness.js';
import { API_TYPES_FILE, renderApiTypes } from './api-types.js';

/**
 * `npm run dashboard:api-types`: builds the real API (on a throwaway database of the local stack, as the
 * API tests do), takes its generated OpenAPI document and writes the dashboard's client types from it.
 */
const api = await startTestApi('api_types');
try {
  await writeFile(API_TYPES_FILE, await renderApiTypes(api.app.swagger()));
  process.stderr.write(`wrote ${API_TYPES_FILE.pathname}\n`);
} finally {
  await api.close();
}
