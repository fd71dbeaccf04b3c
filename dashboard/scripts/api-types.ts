import { readFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

/** The generated client types the dashboard compiles against (committed; checked fresh by a test). */
export const API_TYPES_FILE = new URL('../src/api/schema.d.ts', import.meta.url);

const HEADER = `// Generated from the API's OpenAPI document by \`npm run dashboard:api-types\`: do not edit.
// test/integ/dashboard/api-types.test.ts fails when it no longer matches the API.
`;

/** The TypeScript types (openapi-typescript) of an OpenAPI document, as the committed file holds them. */
export async function renderApiTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return `${HEADER}${astToString(ast)}`;
}

/** The committed types, or '' when there are none yet. */
export async function committedApiTypes(): Promise<string> {
  return readFile(API_TYPES_FILE, 'utf8').catch(() => '');
}
