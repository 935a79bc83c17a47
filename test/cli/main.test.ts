import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';

async function call(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('the command line', () => {
  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await call(['--version'])).toEqual({ code: 0, stdout: `lambda-esm-conformance ${version}\n`, stderr: '' });
  });

  it('run --help prints the options of run, and only those', async () => {
    const { code, stdout } = await call(['run', '--help']);
    expect(code).toBe(0);
    for (const flag of ['--target', '--edition', '--region', '--profile', '--fixtures', '--role-arn', '--report-dir', '--concurrency', '--timeout', '--grep']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).not.toContain('lambda-esm-conformance list');
    expect(stdout).toContain('Exit codes:');
  });

  it('list --help prints the options of list, not those of run', async () => {
    const { code, stdout } = await call(['list', '--help']);
    expect(code).toBe(0);
    for (const flag of ['--edition NAME', '--json', '--grep PATTERN', '--seed N', '--property-runs N', '--edition-diff A B']) expect(stdout).toContain(flag);
    expect(stdout).not.toContain('--target');
  });

  it('pact export refuses a pacticipant name that cannot name a file, before writing anything', async () => {
    expect(await call(['pact', 'export', '--consumer', 'a b'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lambda-esm-conformance: --consumer "a b" is not a usable pacticipant name: use letters, digits, ".", "_" and "-" (it names the file too).\n',
    });
  });
});
