/**
 * Writes blueprints/schema.json, the JSON Schema editors use for completion and checking, from the
 * zod schema (the single source of truth). Run with `npm run schema`; a unit test fails when the
 * committed file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BlueprintSchema } from './schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('./schema.json', import.meta.url));

/** The JSON Schema text, exactly as committed. */
export function blueprintJsonSchemaText(): string {
  const schema = z.toJSONSchema(BlueprintSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  const document = {
    ...schema,
    $id: 'https://microstax.dev/schemas/blueprint.json',
    title: 'MicroStax blueprint',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(SCHEMA_FILE, blueprintJsonSchemaText());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
