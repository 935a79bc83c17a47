// The sentences a user meets when a command line is wrong, and the help every command has of its own.
import { describe, expect, it } from 'vitest';
import { commands, main } from '../../cli/main.ts';
import { usage } from '../../cli/commands/usage.ts';
import { COMMAND_FLAGS } from '../../cli/commands/flag-tables.ts';
import { closestWord } from '../../src/did-you-mean.ts';
import { ExpectationsFileError, parseExpectations } from '../../src/gate/parse-expectations.ts';
import { foldProblems } from '../../src/user-file/file-problem.ts';

async function call(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('every command has its own --help', () => {
  const names = Object.keys(commands);

  it.each(names)('%s --help prints its own usage and flags, not the global help nor another command', async (name) => {
    const { code, stdout, stderr } = await call([name, '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toBe(usage);
    expect(stdout).toMatch(new RegExp(`^Usage:\\n  lambda-esm-conformance ${name}\\b`));
    const synopses = [...stdout.matchAll(/^ {2}lambda-esm-conformance (\S+)/gm)].map((match) => match[1]);
    expect(new Set(synopses)).toEqual(new Set([name]));
    for (const [command, table] of Object.entries(COMMAND_FLAGS)) {
      if (command.split(' ')[0] !== name) continue;
      for (const flag of Object.keys(table)) expect(stdout).toContain(`--${flag}`);
    }
  });

  it('-h is --help, after any other word', async () => {
    expect(await call(['diff', 'a.json', '-h'])).toEqual(await call(['diff', '--help']));
  });
});

describe('did you mean', () => {
  it('finds the closest word within two edits, and none further', () => {
    expect(closestWord('taget', ['target', 'timeout'])).toBe('target');
    expect(closestWord('curent', ['current', 'seed'])).toBe('current');
    expect(closestWord('banana', ['target', 'seed'])).toBeNull();
    expect(closestWord('BatchSize/sqs/O', ['BatchSize/sqs/0', 'BatchSize/sqs/1'], 1)).toBe('BatchSize/sqs/0');
  });

  it('names the flag a mistyped one is closest to, and the command help', async () => {
    expect(await call(['run', '--taget', 'http://127.0.0.1:1'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lambda-esm-conformance: run: there is no flag --taget; did you mean --target? Run "lambda-esm-conformance run --help" for the flags it takes.\n',
    });
    expect((await call(['list', '--frobnicate'])).stderr).toBe(
      'lambda-esm-conformance: list: there is no flag --frobnicate. Run "lambda-esm-conformance list --help" for the flags it takes.\n',
    );
  });

  it('names the command a mistyped one is closest to', async () => {
    expect(await call(['rnu'])).toEqual({ code: 2, stdout: '', stderr: 'lambda-esm-conformance: unknown command "rnu"; did you mean run? Run "lambda-esm-conformance help" for the list of commands.\n' });
    expect(await call(['pact', 'exprot'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lambda-esm-conformance: pact: say "pact export" or "pact verify", not "pact exprot" (did you mean "pact export"?). Run "lambda-esm-conformance pact --help" for their flags.\n',
    });
  });

  it('refuses an unknown --edition as a flag, not as a problem of the spec, naming the closest edition', async () => {
    for (const command of [['run'], ['list'], ['pact', 'export']]) {
      expect(await call([...command, '--edition', 'curent'])).toEqual({
        code: 2,
        stdout: '',
        stderr: 'lambda-esm-conformance: --edition: there is no edition "curent"; did you mean current? Choose one of: current, seed (specs/create-event-source-mapping.NAME.yaml).\n',
      });
    }
  });
});

describe('a number flag', () => {
  it('refuses a negative value with its own range, not parseArgs\' "ambiguous.."', async () => {
    const { code, stderr } = await call(['run', '--seed', '-1']);
    expect(code).toBe(2);
    expect(stderr).toBe('lambda-esm-conformance: --seed must be a whole number from 0 to 4294967295, not "-1".\n');
  });

  it('says a value is missing, or that the next word is a flag, in one sentence ending in one full stop', async () => {
    expect((await call(['run', '--concurrency'])).stderr).toBe(
      'lambda-esm-conformance: run: --concurrency needs a value: --concurrency N. Run "lambda-esm-conformance run --help" for the flags it takes.\n',
    );
    expect((await call(['run', '--target', '--grep', 'x'])).stderr).toBe(
      'lambda-esm-conformance: run: --target needs a value (URL), and "--grep" looks like a flag: write --target=--grep if that is the value. Run "lambda-esm-conformance run --help" for the flags it takes.\n',
    );
    expect((await call(['list', '--json=yes'])).stderr).toBe(
      'lambda-esm-conformance: list: --json is a switch and takes no value, not "yes". Run "lambda-esm-conformance list --help" for the flags it takes.\n',
    );
  });
});

describe('a mistake repeated in a user file', () => {
  it('is said once, at its first place, with how many places and the next few', () => {
    const entry = (index: number): string => `  - case: BatchSize/sqs/${index}\n    outcome: fial\n    form: { status: 201, errorType: null }\n    reason: x\n`;
    const text = `expectations:\n${Array.from({ length: 126 }, (_, index) => entry(index)).join('')}`;
    expect(() => parseExpectations(text, 'known.yaml')).toThrow(ExpectationsFileError);
    expect(() => parseExpectations(text, 'known.yaml')).toThrow(
      'The expectations file has a problem:\nknown.yaml:3:14: `outcome` is "fial": it must be fail, error or skip; did you mean fail? (in 126 places: here, 7:14, 11:14, 15:14 and 122 more)\n  fix: write `outcome: fail`',
    );
  });

  it('keeps different problems apart', () => {
    const problem = (line: number, message: string) => ({ file: 'f.yaml', line, column: 1, message, fix: 'fix it' });
    expect(foldProblems([problem(1, 'a'), problem(2, 'b'), problem(3, 'a')])).toEqual([problem(1, 'a (in 2 places: here, 3:1)'), problem(2, 'b')]);
  });
});
