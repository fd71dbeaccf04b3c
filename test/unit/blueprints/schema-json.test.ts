import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blueprintJsonSchemaText, SCHEMA_FILE } from '../../../blueprints/generate-schema.js';

describe('blueprints/schema.json', () => {
  it('is current with the zod schema (run `npm run schema` after changing blueprints/schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(blueprintJsonSchemaText());
  });

  it('is strict and carries field descriptions for editors', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name', 'services']);
    const service = schema.properties.services.items;
    expect(service.additionalProperties).toBe(false);
    expect(service.properties.image.description).toContain('image');
  });
});
