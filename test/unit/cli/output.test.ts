import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { ApiClientError, unreachable } from '../../../api/client.js';
import { CliError } from '../../../cli/cli-error.js';
import { errorDocument, exitCodeOf } from '../../../cli/error-report.js';
import { formatResult, outputFormatOfArgs, parseOutputFormat } from '../../../cli/output.js';

const result = {
  document: { ok: true, items: [{ id: 'e1' }, { id: 'e2' }] },
  table: () => 'ID\ne1\ne2',
  names: () => ['e1', 'e2'],
};

describe('-o', () => {
  it('prints the same document as JSON and YAML, the table, the wide table (the table when none) and ids', async () => {
    expect(JSON.parse(await formatResult('json', result))).toEqual(result.document);
    expect(await formatResult('yaml', result)).toBe('ok: true\nitems:\n  - id: e1\n  - id: e2');
    expect(await formatResult('table', result)).toBe('ID\ne1\ne2');
    expect(await formatResult('wide', result)).toBe('ID\ne1\ne2');
    expect(await formatResult('name', result)).toBe('e1\ne2');
  });

  it('refuses an unknown format naming the allowed values', () => {
    expect(() => parseOutputFormat('xml')).toThrow(InvalidArgumentError);
    expect(() => parseOutputFormat('xml')).toThrow('allowed values: json, yaml, table, wide, name');
  });

  it('reads the format from a command line in every spelling', () => {
    expect(outputFormatOfArgs(['env', 'list'])).toBe('table');
    expect(outputFormatOfArgs(['env', 'list', '--json'])).toBe('json');
    expect(outputFormatOfArgs(['env', 'list', '-o', 'yaml'])).toBe('yaml');
    expect(outputFormatOfArgs(['env', 'list', '-oyaml'])).toBe('yaml');
    expect(outputFormatOfArgs(['env', 'list', '--output=json'])).toBe('json');
    expect(outputFormatOfArgs(['env', 'list', '--', '--json'])).toBe('table');
  });
});

describe('the error document', () => {
  it('has one shape for API answers, unreachable servers, CLI errors and anything else', () => {
    expect(errorDocument(new ApiClientError(404, 'not_found', 'no environment e1', 'id'))).toEqual({
      ok: false,
      error: { type: 'api', code: 'not_found', message: 'no environment e1', status: 404, field: 'id' },
    });
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' },
    });
    expect(errorDocument(unreachable('http://127.0.0.1:9/v1/environments', refused))).toMatchObject({
      ok: false,
      error: {
        type: 'unreachable',
        message:
          'cannot reach the API at http://127.0.0.1:9/v1/environments: connection refused (ECONNREFUSED)',
        url: 'http://127.0.0.1:9/v1/environments',
        hint: expect.stringContaining('MICROSTAX_URL'),
      },
    });
    const timeout = new CliError({ type: 'timeout', message: 'timed out', hint: 'wait longer' });
    expect(errorDocument(timeout)).toEqual({
      ok: false,
      error: { type: 'timeout', code: 'timeout', message: 'timed out', hint: 'wait longer' },
    });
    expect(errorDocument(new Error('boom'))).toEqual({
      ok: false,
      error: { type: 'internal', code: 'internal', message: 'boom' },
    });
  });

  it('exits 2 for usage errors and 1 for the rest', () => {
    expect(exitCodeOf(new CliError({ type: 'usage', message: 'x', exitCode: 2 }))).toBe(2);
    expect(exitCodeOf(new ApiClientError(500, 'internal', 'x'))).toBe(1);
  });
});
