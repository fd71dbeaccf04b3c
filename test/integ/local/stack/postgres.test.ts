import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { readStackEndpoints } from '../../../../local/stack/endpoints.js';

describe('Postgres in the local stack', () => {
  it('answers a query in the microstax database', async () => {
    const { databaseUrl } = await readStackEndpoints();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const result = await client.query<{ database: string; answer: number }>(
        'SELECT current_database() AS database, 6 * 7 AS answer',
      );
      expect(result.rows[0]).toEqual({ database: 'microstax', answer: 42 });
    } finally {
      await client.end();
    }
  });
});
