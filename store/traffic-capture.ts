import type { Queryable } from './database.js';

/** An environment's capture settings; no row means capture is off. */
export interface CaptureSettings {
  environmentId: string;
  /** Share of requests recorded, in (0, 1]. */
  sampleRate: number;
  /** Bodies larger than this are not kept (the request is recorded as cut and never replayed). */
  maxBodyBytes: number;
  /** The newest this many requests are kept per environment. */
  maxRequests: number;
}

/** A request the gateway recorded, headers already sanitised. */
export interface CapturedRequest {
  environmentId: string;
  service: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
  bodyTruncated: boolean;
}

export async function listCaptureSettings(db: Queryable): Promise<CaptureSettings[]> {
  const { rows } = await db.query<{
    environment_id: string;
    sample_rate: number;
    max_body_bytes: number;
    max_requests: number;
  }>('SELECT environment_id, sample_rate, max_body_bytes, max_requests FROM traffic_capture_settings');
  return rows.map((row) => ({
    environmentId: row.environment_id,
    sampleRate: row.sample_rate,
    maxBodyBytes: row.max_body_bytes,
    maxRequests: row.max_requests,
  }));
}

export async function getCaptureSettings(
  db: Queryable,
  environmentId: string,
): Promise<CaptureSettings | undefined> {
  const all = await db.query<{ sample_rate: number; max_body_bytes: number; max_requests: number }>(
    'SELECT sample_rate, max_body_bytes, max_requests FROM traffic_capture_settings WHERE environment_id = $1',
    [environmentId],
  );
  const row = all.rows[0];
  return row
    ? {
        environmentId,
        sampleRate: row.sample_rate,
        maxBodyBytes: row.max_body_bytes,
        maxRequests: row.max_requests,
      }
    : undefined;
}

/** Turns capture on (or changes its settings). */
export async function putCaptureSettings(db: Queryable, settings: CaptureSettings): Promise<void> {
  await db.query(
    `INSERT INTO traffic_capture_settings (environment_id, sample_rate, max_body_bytes, max_requests)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (environment_id) DO UPDATE SET sample_rate = $2, max_body_bytes = $3, max_requests = $4, updated_at = now()`,
    [settings.environmentId, settings.sampleRate, settings.maxBodyBytes, settings.maxRequests],
  );
}

/** Turns capture off; the requests already captured stay until `deleteCapturedRequests`. */
export async function deleteCaptureSettings(db: Queryable, environmentId: string): Promise<boolean> {
  const result = await db.query('DELETE FROM traffic_capture_settings WHERE environment_id = $1', [
    environmentId,
  ]);
  return (result.rowCount ?? 0) > 0;
}

export async function deleteCapturedRequests(db: Queryable, environmentId: string): Promise<number> {
  const result = await db.query('DELETE FROM captured_requests WHERE environment_id = $1', [environmentId]);
  return result.rowCount ?? 0;
}

/**
 * Writes a batch in one statement, then trims each environment it touched to its newest
 * `maxRequests` (the bound holds however fast requests arrive).
 */
export async function insertCapturedRequests(
  db: Queryable,
  batch: readonly CapturedRequest[],
  limits: ReadonlyMap<string, number>,
): Promise<void> {
  if (batch.length === 0) return;
  await db.query(
    `INSERT INTO captured_requests (environment_id, service, method, path, headers, body, body_truncated)
     SELECT r.environment_id, r.service, r.method, r.path, r.headers, r.body, r.body_truncated
       FROM jsonb_to_recordset($1::jsonb)
         AS r(environment_id text, service text, method text, path text, headers jsonb, body text, body_truncated boolean)
      WHERE EXISTS (SELECT 1 FROM environments e WHERE e.id = r.environment_id)`,
    [
      JSON.stringify(
        batch.map((r) => ({
          environment_id: r.environmentId,
          service: r.service,
          method: r.method,
          path: r.path,
          headers: r.headers,
          body: r.body,
          body_truncated: r.bodyTruncated,
        })),
      ),
    ],
  );
  for (const environmentId of new Set(batch.map((r) => r.environmentId))) {
    await db.query(
      `DELETE FROM captured_requests WHERE environment_id = $1 AND id <= (
         SELECT id FROM captured_requests WHERE environment_id = $1 ORDER BY id DESC OFFSET $2 LIMIT 1)`,
      [environmentId, limits.get(environmentId) ?? 1000],
    );
  }
}

/** The environment's captured requests, oldest first, at most `limit`. */
export async function listCapturedRequests(
  db: Queryable,
  params: { environmentId: string; limit: number },
): Promise<(CapturedRequest & { id: string })[]> {
  const { rows } = await db.query<{
    id: string;
    service: string;
    method: string;
    path: string;
    headers: Record<string, string>;
    body: string | null;
    body_truncated: boolean;
  }>(
    `SELECT id, service, method, path, headers, body, body_truncated FROM (
       SELECT * FROM captured_requests WHERE environment_id = $1 ORDER BY id DESC LIMIT $2) newest
     ORDER BY id`,
    [params.environmentId, params.limit],
  );
  return rows.map((row) => ({
    id: row.id,
    environmentId: params.environmentId,
    service: row.service,
    method: row.method,
    path: row.path,
    headers: row.headers,
    body: row.body,
    bodyTruncated: row.body_truncated,
  }));
}
