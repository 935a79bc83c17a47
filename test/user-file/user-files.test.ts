import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/spec/load.ts';
import { SpecError } from '../../src/spec/spec-error.ts';
import { EXCERPT_LENGTH, excerpt } from '../../src/user-file/excerpt.ts';
import { formatProblem } from '../../src/user-file/file-problem.ts';
import { readUserFile } from '../../src/user-file/read-user-file.ts';
import { MAX_YAML_ALIASES, MAX_YAML_NESTING, parseYaml } from '../../src/user-file/yaml-source.ts';

const limits = { maxBytes: 1024, expected: 'a small YAML file' };
const folder = () => mkdtempSync(join(tmpdir(), 'lesm-user-file-'));

describe('readUserFile reads a regular file of bounded size, and nothing else', () => {
  it('reads a regular file', () => {
    const file = join(folder(), 'ok.yaml');
    writeFileSync(file, 'a: 1\n');
    expect(readUserFile(file, limits)).toEqual({ text: 'a: 1\n', problem: null });
  });

  it.each([
    ['/dev/zero', /not a regular file/],
    ['/dev/null', /not a regular file/],
    [tmpdir(), /a directory/],
    ['/nonexistent/x.yaml', /does not exist/],
  ])('refuses %s without reading it', (file, message) => {
    const { problem } = readUserFile(file, limits);
    expect(problem?.message).toMatch(message);
    expect(problem?.fix).toContain('a small YAML file');
  });

  it('refuses a FIFO at once: opening one for reading would wait for a writer for ever', () => {
    const fifo = join(folder(), 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(readUserFile(fifo, limits).problem?.message).toMatch(/not a regular file/);
  });

  it('refuses a file over the limit, saying both sizes', () => {
    const file = join(folder(), 'big.yaml');
    writeFileSync(file, 'x'.repeat(limits.maxBytes + 1));
    expect(readUserFile(file, limits).problem?.message).toBe(`the file is ${limits.maxBytes + 1} bytes, more than the ${limits.maxBytes} bytes such a file may have`);
  });
});

describe('parseYaml refuses what would exhaust the parser, at file:line:column', () => {
  it('an alias bomb ("billion laughs")', () => {
    const layers = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h'].entries()) {
      const previous = index === 0 ? 'a' : ['b', 'c', 'd', 'e', 'f', 'g'][index - 1];
      layers.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const parsed = parseYaml('bomb.yaml', `${layers.join('\n')}\n`);
    expect(parsed.source).toBeNull();
    expect(parsed.problems[0]).toMatchObject({ file: 'bomb.yaml', line: 1, column: 1, message: expect.stringMatching(/alias/i) });
    expect(parsed.problems[0]?.fix).toContain(String(MAX_YAML_ALIASES));
  });

  it.each([
    ['flow brackets', `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}`, 1, 4 + MAX_YAML_NESTING],
    ['block indentation', Array.from({ length: 400 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n'), 2 * MAX_YAML_NESTING + 2, 2 * MAX_YAML_NESTING + 1],
    ['nested sequences on one line', `${'- '.repeat(20_000)}x`, 1, 2 * MAX_YAML_NESTING + 1],
  ])('nesting beyond %s', (_kind, text, line, column) => {
    const parsed = parseYaml('deep.yaml', text);
    expect(parsed.source).toBeNull();
    expect(parsed.problems).toEqual([
      { file: 'deep.yaml', line, column, message: `the YAML nests more than ${MAX_YAML_NESTING} levels deep here`, fix: expect.any(String) },
    ]);
  });

  it('does not count brackets inside quotes or comments', () => {
    const text = `a: "${'['.repeat(200)}"\nb: '${'{'.repeat(200)}'\n# ${'['.repeat(200)}\nc: [1, [2]]\n`;
    expect(parseYaml('fine.yaml', text).source?.value).toEqual({ a: '['.repeat(200), b: '{'.repeat(200), c: [1, [2]] });
  });

  it('a spec with an alias bomb is a SpecError at its position, not a crash', () => {
    expect(() => parseSpec('specs/x.yaml', 'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n')).toThrow(SpecError);
    expect(() => parseSpec('specs/x.yaml', `a: ${'['.repeat(5000)}`)).toThrow(/^The spec has a problem:\nspecs\/x\.yaml:1:\d+: the YAML nests more than/);
  });
});

describe('excerpt', () => {
  it('quotes a short value whole and a long one cut, with its length', () => {
    expect(excerpt('arn:aws:sqs')).toBe('"arn:aws:sqs"');
    const long = 'x'.repeat(50_000_000);
    const quoted = excerpt(long);
    expect(quoted).toBe(`${JSON.stringify('x'.repeat(EXCERPT_LENGTH))}… (50000000 characters)`);
  });

  it('spells out every character that would act on a terminal, short value or long', () => {
    const acting = 'a\u202eb\u2066c\u009b2Jd\u0085e\u001b[2Jf\u2028g\u200bh\u007f';
    const spelled = '"a\\u202eb\\u2066c\\u009b2Jd\\u0085e\\u001b[2Jf\\u2028g\\u200bh\\u007f"';
    expect(excerpt(acting)).toBe(spelled);
    const long = excerpt(acting.repeat(20));
    expect(long.startsWith(spelled.slice(0, -1))).toBe(true);
    expect(long.endsWith(`"… (${acting.length * 20} characters)`)).toBe(true);
    expect(excerpt(acting.repeat(20))).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('formatProblem', () => {
  it('spells out what would act on a terminal in every part, however a message quoted it', () => {
    const raw = 'a\u202eb\u0085c\u009b2J\u001b]0;t\u0007';
    const shown = formatProblem({ file: `spec${raw}.yaml`, line: 3, column: 4, message: `the default ${JSON.stringify(raw)} is not valid`, fix: `use ${raw}` });
    expect(shown.split('\n')).toHaveLength(2);
    expect(shown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(shown).toContain('a\\u202Eb\\u0085c\\u009B2J');
  });
});
