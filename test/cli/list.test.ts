import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';

// `list` through main(), the bin's entry, in this process: nothing here is about the process (a
// child per call was most of this file's time); that the bin exits with the code main answers, the
// child runs of test/run show (exit 2 and 143 in run-hostile, 130 in run-interrupted).
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
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

  it('lists the current edition with --edition current, FIFO queue cases and ValidationException among them', async () => {
    const { code, stdout } = await cli('list', '--edition', 'current', '--grep', '^BatchSize/sqsFifo/', '--property-runs', '0');
    expect(code).toBe(0);
    expect(stdout).toMatch(/BatchSize\/sqsFifo\/11\s+sqsFifo\s+400 InvalidParameterValueException\s+BatchSize\.sqs-fifo/);
    expect(stdout).toMatch(/BatchSize\/sqsFifo\/10001\s+sqsFifo\s+400 ValidationException\s+BatchSize\.range/);
    expect(stdout).toMatch(/\n7 cases\n$/);
  });

  it('exits 2 with one clear sentence for an unknown flag, a bad pattern or an unknown edition', async () => {
    const flag = await cli('list', '--jsn');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/list: there is no flag --jsn; did you mean --json\? Run "lambda-esm-conformance list --help"/);
    const grep = await cli('list', '--grep', '(');
    expect(grep.code).toBe(2);
    expect(grep.stderr).toMatch(/--grep "\(" is not a valid regular expression/);
    const edition = await cli('list', '--edition', 'nope');
    expect(edition.code).toBe(2);
    expect(edition.stderr).toMatch(/there is no edition "nope"/);
    expect(edition.stderr).not.toMatch(/\n\s+at /);
  });

  it('--edition-diff names the cases two editions judge differently, and takes exactly two editions', async () => {
    const same = await cli('list', '--edition-diff', 'seed', 'seed', '--json');
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toEqual([]);
    const text = await cli('list', '--edition-diff', 'seed', 'seed');
    expect(text.stdout.split('\n').slice(0, 3)).toEqual(['', '0 cases differ between the seed and seed editions.', 'Judged by seed, a target of seed fails 0 of them and passes 0; the other 0 depend on what the target does where seed leaves it free (an open answer, a member it does not check) or on another request.']);
    const one = await cli('list', '--edition-diff', 'seed');
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('list --edition-diff takes two editions, such as "list --edition-diff seed current".');
    const unknown = await cli('list', '--edition-diff', 'seed', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/there is no edition "nope"/);
  });

  it('--edition-diff seed current names exactly the reviewed set of cases, with what changed', async () => {
    const { code, stdout } = await cli('list', '--edition-diff', 'seed', 'current');
    expect(code).toBe(0);
    // The reviewed list: a change to either edition that moves it is a change to review, then to
    // write there with `npx vitest run test/cli/list.test.ts -u` (never under CI=true, which only compares).
    await expect(stdout).toMatchFileSnapshot('../cases/expected/edition-diff-seed-current.txt');
    expect(stdout).toContain('BatchSize/dynamodb/1001\n  only in seed: 400 InvalidParameterValueException [BatchSize.dynamodb]\n');
    expect(stdout).toContain('BatchSize/dynamodb/10000\n  only in current: 202');
    expect(stdout).toContain('BatchSize/sqs/11\n  sent differently; 400 InvalidParameterValueException [BatchSize.sqs] → 202');
    expect(stdout).toContain('EventSourceArn/sqs/absent\n  404 ResourceNotFoundException');
    expect(stdout).toMatch(/StartingPosition\/kinesis\/EARLIEST\n  400 InvalidParameterValueException \[[^\]]+\] → 400 ValidationException/);
  });
});
