import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = new URL('../../bin/lambda-esm-conformance.js', import.meta.url).pathname;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

interface Listed {
  id: string;
  clause: string;
  title: string;
  sourceType: string | null;
  request: { method: string; path: string; body: unknown };
  expected: { status: number; errorTypes: string[] };
}

describe('lambda-esm-conformance list', () => {
  it('prints every case as JSON with the documented fields, the same on every run with the same seed', async () => {
    const [first, second] = await Promise.all([cli('list', '--json', '--seed', '9'), cli('list', '--json', '--edition', 'seed', '--seed', '9')]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const listed = JSON.parse(first.stdout) as Listed[];
    expect(listed.length).toBeGreaterThan(100);
    for (const entry of listed) {
      expect(entry).toMatchObject({ id: expect.any(String), clause: expect.any(String), title: expect.any(String) });
      expect([null, 'sqs', 'kinesis', 'dynamodb']).toContain(entry.sourceType);
      expect(entry.request).toMatchObject({ method: 'POST', path: '/2015-03-31/event-source-mappings/' });
      expect(entry.expected).toMatchObject({ status: expect.any(Number), errorTypes: expect.any(Array) });
    }
    const dynamo1001 = listed.find((entry) => entry.id === 'BatchSize/dynamodb/1001');
    expect(dynamo1001?.request.body).toEqual({ FunctionName: '{{function.name}}', EventSourceArn: '{{dynamodb.arn}}', StartingPosition: 'TRIM_HORIZON', BatchSize: 1001 });
    expect(dynamo1001?.expected).toMatchObject({ status: 400, errorTypes: ['InvalidParameterValueException'] });
  });

  it('prints a readable table with a count by default, filtered by --grep', async () => {
    const { code, stdout } = await cli('list', '--grep', '^Duplicate/');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^CASE\s+SOURCE\s+EXPECTED\s+CLAUSE$/);
    expect(stdout).toMatch(/Duplicate\/sqs\s+sqs\s+409 ResourceConflictException\s+Errors\.ResourceConflictException/);
    expect(stdout).toMatch(/\n3 cases\n$/);
  });

  it('exits 2 with one clear sentence for an unknown flag, a bad pattern or an unknown edition', async () => {
    const flag = await cli('list', '--jsn');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/list: Unknown option '--jsn'\. Run "lambda-esm-conformance help"/);
    const grep = await cli('list', '--grep', '(');
    expect(grep.code).toBe(2);
    expect(grep.stderr).toMatch(/--grep "\(" is not a valid regular expression/);
    const edition = await cli('list', '--edition', 'nope');
    expect(edition.code).toBe(2);
    expect(edition.stderr).toMatch(/there is no edition "nope"/);
    expect(edition.stderr).not.toMatch(/\n\s+at /);
  });
});
