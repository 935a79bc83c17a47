import { describe, expect, it } from 'vitest';
import { isGlob, matchesCase, MAX_PATTERN_LENGTH } from '../../src/gate/case-pattern.ts';
import { editionCases } from '../../src/cases/edition-cases.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { applyGate, entryFor, gateOf } from '../../src/gate/classify.ts';
import type { Expectation, Expectations } from '../../src/gate/expectations.ts';
import { parseExpectations } from '../../src/gate/parse-expectations.ts';
import { renderExpectations } from '../../src/gate/render-expectations.ts';
import { updatedExpectations, type UpdateScope } from '../../src/gate/update-expectations.ts';
import { caseResult, response } from '../reporters/support/build-report.ts';
import { refusalOf } from './support/refusal.ts';

const created = response({ status: 201, headers: { 'content-type': 'text/html' }, body: '' });
const refused = response();

function entry(pattern: string, overrides: Partial<Expectation> = {}): Expectation {
  return { pattern, outcome: 'fail', forms: [{ status: 201, errorType: null }], reason: 'answers 201', link: null, line: 1, ...overrides };
}

function expectationsOf(entries: Expectation[], madeWith: Partial<Expectations['madeWith']> = {}): Expectations {
  return { file: 'x.yaml', text: '', madeWith: { seed: null, edition: null, version: null, ...madeWith }, entries };
}

describe('case patterns', () => {
  it('match an id exactly, or as a glob: * within a segment, ** across; a repeated case is the case', () => {
    expect(matchesCase('BatchSize/sqs/0', 'BatchSize/sqs/0')).toBe(true);
    expect(matchesCase('BatchSize/sqs/0', 'BatchSize/sqs/0#3')).toBe(true);
    expect(matchesCase('BatchSize/sqs/0', 'BatchSize/sqs/00')).toBe(false);
    expect(matchesCase('BatchSize/*/0', 'BatchSize/kinesis/0')).toBe(true);
    expect(matchesCase('BatchSize/*', 'BatchSize/kinesis/0')).toBe(false);
    expect(matchesCase('BatchSize/**', 'BatchSize/kinesis/0')).toBe(true);
    expect(matchesCase('Body/content-type/*', 'Body/content-type/text-plain')).toBe(true);
    expect(matchesCase('Max.Window/*', 'MaxxWindow/a')).toBe(false);
    expect(isGlob('a/*')).toBe(true);
    expect(isGlob('a/b')).toBe(false);
  });

  it('match as the regular expression they stand for would, on every pairing of a few globs and ids', () => {
    // What globs meant when they were regular expressions: the reference the walk must agree with.
    const asExpression = (pattern: string): RegExp =>
      new RegExp(`^${pattern.split('**').map((part) => part.split('*').map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*')}$`);
    const patterns = ['*', '**', 'a/*', 'a/**', 'a/**/b', '*/b', '**/b', 'a*b', 'a**b', '***', 'a/*/*', '*a*', '**a**', 'a.b/*', '*/*/*'];
    const ids = ['', 'a', 'b', 'ab', 'a/b', 'a/x/b', 'axb', 'ax/yb', 'a/', '/b', 'a//b', 'a.b/c', 'aXb/c', 'x/y/z', 'bab/a'];
    for (const pattern of patterns) {
      for (const id of ids) expect(matchesCase(pattern, id), `${pattern} against ${JSON.stringify(id)}`).toBe(asExpression(pattern).test(id));
    }
  });

  it('a glob of many wildcards that matches nothing is answered without backtracking (it hung the run as a regular expression)', () => {
    const ids = (['seed', 'current'] as const).flatMap((name) => editionCases(loadEdition(name), { runs: 1, seed: 0 }).map((testCase) => testCase.id));
    const hostile = `${'*'.repeat(20)}!`;
    expect(ids.filter((id) => matchesCase(hostile, id))).toEqual([]);
    expect(matchesCase(hostile, `${'a/'.repeat(100)}b`)).toBe(false);
    expect(matchesCase(hostile, `${'a/'.repeat(100)}b!`)).toBe(true);
    expect(matchesCase(`${'*/'.repeat(15)}*`, `${'a/'.repeat(200)}`)).toBe(false);
  });

  it('every case id of every edition fits within the bound on a pattern, so --update-expectations can write each', () => {
    for (const name of ['seed', 'current']) {
      const longest = Math.max(...editionCases(loadEdition(name), { runs: 1, seed: 0 }).map((testCase) => testCase.id.length));
      expect(longest).toBeLessThanOrEqual(MAX_PATTERN_LENGTH);
    }
  });

  it('an exact entry wins over a glob; among globs, the first in the file', () => {
    const entries = [entry('BatchSize/**', { reason: 'glob 1' }), entry('BatchSize/*/0', { reason: 'glob 2' }), entry('BatchSize/sqs/0', { reason: 'exact' })];
    expect(entryFor('BatchSize/sqs/0', entries)?.reason).toBe('exact');
    expect(entryFor('BatchSize/kinesis/0', entries)?.reason).toBe('glob 1');
    expect(entryFor('Enabled/sqs/true', entries)).toBeUndefined();
  });
});

const MADE_WITH = { seed: 1, edition: 'seed', version: '0.1.0' };

function scope(editionCaseIds: string[], overrides: Partial<UpdateScope> = {}): UpdateScope {
  return { editionCaseIds, drawnCaseIds: new Set(), exploring: false, ...overrides };
}

describe('the gate of one case', () => {
  it('an unlisted case that passes (or is skipped) conforms; one that fails is a regression', () => {
    expect(gateOf(caseResult({ id: 'a' }), undefined)).toEqual({ status: 'conforms', entry: null, note: null });
    expect(gateOf(caseResult({ id: 'a', outcome: 'skip', response: null }), undefined).status).toBe('conforms');
    expect(gateOf(caseResult({ id: 'a', outcome: 'fail', response: created }), undefined)).toEqual({ status: 'regression', entry: null, note: 'not in the expectations file; answered 201 (no error type)' });
    expect(gateOf(caseResult({ id: 'a', outcome: 'error', response: null }), undefined).note).toBe('not in the expectations file; could not be judged (no answer)');
  });

  it('a listed case is expected when outcome and form match, an unexpected pass when it passes, a regression otherwise', () => {
    const listed = entry('a', { link: 'https://example.com/1' });
    expect(gateOf(caseResult({ id: 'a', outcome: 'fail', response: created }), listed)).toEqual({
      status: 'expected',
      entry: { pattern: 'a', reason: 'answers 201', link: 'https://example.com/1' },
      note: 'deviates as listed: 201 (no error type)',
    });
    expect(gateOf(caseResult({ id: 'a' }), listed).status).toBe('unexpected-pass');
    // The form changed: 400 InvalidParameterValueException instead of 201.
    expect(gateOf(caseResult({ id: 'a', outcome: 'fail', response: refused }), listed).note).toBe('listed as answered 201 (no error type), answered 400 InvalidParameterValueException');
    // The same status, another error type.
    expect(gateOf(caseResult({ id: 'a', outcome: 'fail', response: refused }), entry('a', { forms: [{ status: 400, errorType: 'ResourceNotFoundException' }] })).status).toBe('regression');
    // The outcome changed: an answer became no answer.
    expect(gateOf(caseResult({ id: 'a', outcome: 'error', response: null }), listed).status).toBe('regression');
    expect(gateOf(caseResult({ id: 'a', outcome: 'error', response: null }), entry('a', { outcome: 'error', forms: [{ status: null, errorType: null }] })).status).toBe('expected');
  });

  it('the error type is read from the header, else the body, as the judge reads it', () => {
    const fromBody = response({ headers: {}, body: { __type: 'aws.lambda#ResourceConflictException', message: 'x' }, status: 409 });
    expect(gateOf(caseResult({ id: 'a', outcome: 'fail', response: fromBody }), entry('a', { forms: [{ status: 409, errorType: 'ResourceConflictException' }] })).status).toBe('expected');
  });
});

describe('the gate of a run', () => {
  const expectations = expectationsOf([entry('a'), entry('b'), entry('gone/*', { line: 9 }), entry('unsent', { line: 12 })]);
  const cases = [caseResult({ id: 'a', outcome: 'fail', response: created }), caseResult({ id: 'b' }), caseResult({ id: 'c', outcome: 'fail', response: refused }), caseResult({ id: 'd' })];

  it('counts each status; an entry matching no case of the edition is stale, one for a case the selection left out is not', () => {
    const { cases: gated, summary } = applyGate(cases, expectations, ['a', 'b', 'c', 'd', 'unsent']);
    expect(gated.map((result) => result.gate?.status)).toEqual(['expected', 'unexpected-pass', 'regression', 'conforms']);
    expect(summary).toEqual({ file: 'x.yaml', expected: 1, unexpectedPass: 1, regression: 1, stale: [{ pattern: 'gone/*', line: 9 }] });
  });

  it('update writes the failing cases by id, sorted, keeping the reason and link of entries that still apply', () => {
    const previous = expectationsOf([entry('a', { reason: 'kept', link: 'https://example.com/a' }), entry('c', { reason: 'was 201' }), entry('unsent', { reason: 'not sent this time' }), entry('gone', { reason: 'stale' })]);
    const failing = [caseResult({ id: 'c', outcome: 'fail', response: refused, reasons: [{ check: 'status_code_conformance', clause: 'x', message: 'expected 202, got 400' }] }), ...cases.slice(0, 2)];
    const entries = updatedExpectations(failing, previous, scope(['a', 'b', 'c', 'd', 'unsent']));
    expect(entries).toEqual([
      { pattern: 'a', outcome: 'fail', forms: [{ status: 201, errorType: null }], reason: 'kept', link: 'https://example.com/a' },
      // The form changed, so the old reason no longer applies: what the judge said stands in for it.
      { pattern: 'c', outcome: 'fail', forms: [{ status: 400, errorType: 'InvalidParameterValueException' }], reason: 'expected 202, got 400', link: null },
      { pattern: 'unsent', outcome: 'fail', forms: [{ status: 201, errorType: null }], reason: 'not sent this time', link: null },
    ]);
    const text = renderExpectations(entries, MADE_WITH, null);
    expect(text).toMatch(/^# Known deviations/);
    const again = parseExpectations(text, 'round.yaml');
    expect(again.entries.map(({ line: _line, ...rest }) => rest)).toEqual(entries);
    expect(again.madeWith).toEqual(MADE_WITH);
    expect(parseExpectations(renderExpectations([], MADE_WITH, null), 'empty.yaml').entries).toEqual([]);
  });

  it('quotes what YAML would read otherwise', () => {
    const odd = { pattern: 'null', outcome: 'fail' as const, forms: [{ status: 400, errorType: 'a:b,{c}' }], reason: 'line\nbreak "quoted" #hash', link: null };
    expect(parseExpectations(renderExpectations([odd], MADE_WITH, null), 'odd.yaml').entries[0]).toMatchObject(odd);
  });
});

describe('a malformed expectations file', () => {

  it('names every problem at its line and column, with a fix', () => {
    const message = refusalOf(
      [
        'expectations:',
        '  - case: BatchSize/sqs/0',
        '    outcome: fail',
        '    form: { status: 201, errorType: null }',
        '    reason: x',
        '  - case: BatchSize/sqs/0',
        '    outcome: fail',
        '    form: { status: 201, errorType: null }',
        '    reason: again',
        '  - case: BatchSize/sqs/1',
        '    outcome: broken',
        '    form: { status: 2001 }',
        '    reason: ""',
        '    link: not a url',
        '    extra: 1',
        '',
      ].join('\n'),
    );
    expect(message).toContain('The expectations file has 7 problems:');
    expect(message).toContain('e.yaml:6:11: case "BatchSize/sqs/0" is already listed on line 2');
    expect(message).toContain('e.yaml:11:14: `outcome` is "broken": it must be fail, error or skip');
    expect(message).toContain('e.yaml:12:21: `form.status` must be an HTTP status (100 to 599)');
    expect(message).toContain('e.yaml:12:11: `form.errorType` must be an error type');
    expect(message).toContain('e.yaml:13:13: `reason` must be a non-empty text');
    expect(message).toContain('e.yaml:14:11: `link` must be an http(s) URL, not "not a url"');
    expect(message).toContain('e.yaml:15:5: unknown key "extra" in an entry');
    expect(message).toContain('  fix: keep one entry per case');
  });

  it('refuses a glob too long or with too many wildcards at its line and column, before matching it', () => {
    const withCase = (pattern: string): string => `expectations:\n  - case: "${pattern}"\n    outcome: fail\n    form: { status: 201, errorType: null }\n    reason: x\n`;
    expect(refusalOf(withCase(`${'*'.repeat(33)}!`))).toContain('e.yaml:2:11: case "*********************************!" holds 33 `*`, more than the 32 a glob may');
    const long = refusalOf(withCase(`a/${'*x'.repeat(400_000)}`));
    expect(long).toContain(`e.yaml:2:11: case "a/*x*x`);
    expect(long).toContain('… (800002 characters) is longer than 200 characters');
    expect(long.length).toBeLessThan(2_000);
    expect(parseExpectations(withCase(`${'*'.repeat(20)}!`), 'e.yaml').entries[0]?.pattern).toBe(`${'*'.repeat(20)}!`);
  });

  it('refuses a file without the expectations list, and YAML that does not parse', () => {
    expect(refusalOf('- case: a\n')).toContain('e.yaml:1:1: the file must be a mapping with the key `expectations`');
    expect(refusalOf('expected:\n  - case: a\n')).toContain('e.yaml:1:1: unknown key "expected"');
    expect(refusalOf('expectations: {a: 1}\n')).toContain('`expectations` must be a list of entries');
    expect(refusalOf('expectations:\n  - case: "a\n')).toMatch(/e\.yaml:\d+:\d+: YAML syntax error/);
  });
});
