// The gate is reproducible and its file survives updates: what a file was made with (seed, edition,
// version), entries listing several forms, updates that keep comments and hand-written reasons and
// gather a property case's forms, and a round trip of whatever a target answers: what
// --update-expectations writes, --expectations reads back, and gates the same answer as expected.
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSeed, writeExpectations } from '../../cli/gate/expectations-file.ts';
import { gateOf } from '../../src/gate/classify.ts';
import { MAX_ERROR_TYPE_LENGTH } from '../../src/gate/deviation-form.ts';
import { MAX_FORMS, MAX_REASON_LENGTH, type Expectations } from '../../src/gate/expectations.ts';
import { parseExpectations } from '../../src/gate/parse-expectations.ts';
import { renderExpectations } from '../../src/gate/render-expectations.ts';
import { updatedExpectations, type ExpectationEntry } from '../../src/gate/update-expectations.ts';
import type { CaseResult } from '../../src/results.ts';
import { caseResult, response } from '../reporters/support/build-report.ts';
import { refusalOf } from './support/refusal.ts';

const MADE_WITH = { seed: 1, edition: 'seed', version: '0.1.0' };
const created = response({ status: 201, headers: { 'content-type': 'text/html' }, body: '' });
const crashed = response({ status: 500, headers: { 'content-type': 'text/html' }, body: '<html>Internal Server Error</html>' });
const PROPERTY = 'BatchSize/sqs/property/invalid';

function failing(id: string, answer = created, message = 'expected 400 InvalidParameterValueException, got 201'): CaseResult {
  return caseResult({ id, outcome: 'fail', response: answer, reasons: [{ check: 'status_code_conformance', clause: 'BatchSize.range', message }] });
}


const entryText = (form: string): string => `expectations:\n  - case: ${PROPERTY}\n    outcome: fail\n    form:${form}\n    reason: accepts any batch\n`;

describe('what a file was made with', () => {
  it('reads seed, edition and version; a file without them has none, and still gates', () => {
    const pinned = parseExpectations(`seed: 7\nedition: current\nversion: "1.0"\n${entryText(' { status: 201, errorType: null }')}`, 'e.yaml');
    expect(pinned.madeWith).toEqual({ seed: 7, edition: 'current', version: '1.0' });
    const unpinned = parseExpectations(entryText(' { status: 201, errorType: null }'), 'e.yaml');
    expect(unpinned.madeWith).toEqual({ seed: null, edition: null, version: null });
    expect(unpinned.entries).toHaveLength(1);
  });

  it('refuses a seed that --seed would refuse, and an empty edition, at their line and column', () => {
    const message = refusalOf(`seed: -1\nedition: ""\n${entryText(' { status: 201, errorType: null }')}`);
    expect(message).toContain('e.yaml:1:7: `seed` is "-1": it must be a whole number from 0 to 4294967295');
    expect(message).toContain('e.yaml:2:10: `edition` must be a text of 1 to 255 characters');
    expect(message).toContain('fix: --update-expectations writes them');
  });

  it('the seed of a run: --seed, else the file\'s, else one drawn at random, each saying where it came from', () => {
    const file = (seed: number | null): Expectations => ({ file: 'moto.yaml', text: '', madeWith: { seed, edition: null, version: null }, entries: [] });
    expect(runSeed(3, file(1))).toEqual({ seed: 3, origin: 'from --seed' });
    expect(runSeed(null, file(1))).toEqual({ seed: 1, origin: 'from moto.yaml' });
    expect(runSeed(null, file(null))).toMatchObject({ origin: 'drawn at random' });
    expect(runSeed(null, null).seed).toBeGreaterThanOrEqual(0);
  });
});

describe('an entry listing several forms', () => {
  const listed = parseExpectations(entryText('\n      - { status: 201, errorType: null }\n      - { status: 500, errorType: null }'), 'e.yaml').entries[0];

  it('expects any of its forms, and names them all when the answer is none of them', () => {
    if (listed === undefined) throw new Error('no entry');
    expect(listed.forms).toEqual([{ status: 201, errorType: null }, { status: 500, errorType: null }]);
    expect(gateOf(failing(PROPERTY), listed)).toMatchObject({ status: 'expected', note: 'deviates as listed: 201 (no error type)' });
    expect(gateOf(failing(PROPERTY, crashed), listed)).toMatchObject({ status: 'expected', note: 'deviates as listed: 500 (no error type)' });
    expect(gateOf(failing(PROPERTY, response()), listed)).toEqual({
      status: 'regression',
      entry: { pattern: PROPERTY, reason: 'accepts any batch', link: null },
      note: 'listed as answered 201 (no error type) or 500 (no error type), answered 400 InvalidParameterValueException',
    });
    expect(gateOf(caseResult({ id: PROPERTY }), listed).note).toBe('listed as answered 201 (no error type) or 500 (no error type), but it passes: remove the entry');
  });

  it('refuses an empty list, one too long, a form listed twice and a broken form, each where it is', () => {
    expect(refusalOf(entryText(' []'))).toContain('e.yaml:4:11: `form` lists 0 forms: it must list 1 to 16');
    const many = Array.from({ length: MAX_FORMS + 1 }, (_, index) => `\n      - { status: ${200 + index}, errorType: null }`).join('');
    expect(refusalOf(entryText(many))).toContain(`\`form\` lists ${MAX_FORMS + 1} forms`);
    const twice = refusalOf(entryText('\n      - { status: 201, errorType: null }\n      - { status: 201, errorType: null }\n      - { status: 2001, errorType: null }'));
    expect(twice).toContain('e.yaml:6:9: `form` lists 201 (no error type) twice');
    expect(twice).toContain('e.yaml:7:19: `form.status` must be an HTTP status');
  });
});

describe('--update-expectations', () => {
  const scope = { editionCaseIds: ['BatchSize/sqs/0', PROPERTY], drawnCaseIds: new Set([PROPERTY]), exploring: false };
  const before = (forms: string, reason = 'moto accepts any batch'): Expectations =>
    parseExpectations(`seed: 1\nexpectations:\n  - case: ${PROPERTY}\n    outcome: fail\n    form:${forms}\n    reason: "${reason}"\n  - case: BatchSize/sqs/0\n    outcome: fail\n    form: { status: 201, errorType: null }\n    reason: "moto accepts 0"\n`, 'e.yaml');

  it("adds a form a property case newly shows to its entry, keeping the person's reason; an example case's form is replaced", () => {
    const entries = updatedExpectations([failing('BatchSize/sqs/0', crashed, 'expected 400, got 500'), failing(PROPERTY, crashed, 'BatchSize 10001: expected 400, got 500')], before(' { status: 201, errorType: null }'), scope);
    expect(entries).toEqual([
      { pattern: 'BatchSize/sqs/0', outcome: 'fail', forms: [{ status: 500, errorType: null }], reason: 'expected 400, got 500', link: null },
      {
        pattern: PROPERTY,
        outcome: 'fail',
        forms: [{ status: 201, errorType: null }, { status: 500, errorType: null }],
        reason: 'moto accepts any batch; also answers 500 (no error type): BatchSize 10001: expected 400, got 500',
        link: null,
      },
    ]);
    // Seen again in a form it lists, the entry stays as it is.
    const again = updatedExpectations([failing(PROPERTY, created)], before('\n      - { status: 201, errorType: null }\n      - { status: 500, errorType: null }'), scope);
    expect(again.find((entry) => entry.pattern === PROPERTY)).toMatchObject({ forms: [{ status: 201, errorType: null }, { status: 500, errorType: null }], reason: 'moto accepts any batch' });
  });

  it('a property case that passes loses its entry under the file\'s seed, and keeps it while another seed explores', () => {
    const passed = [caseResult({ id: PROPERTY }), failing('BatchSize/sqs/0')];
    expect(updatedExpectations(passed, before(' { status: 201, errorType: null }'), scope).map((entry) => entry.pattern)).toEqual(['BatchSize/sqs/0']);
    expect(updatedExpectations(passed, before(' { status: 201, errorType: null }'), { ...scope, exploring: true }).map((entry) => entry.pattern)).toEqual(['BatchSize/sqs/0', PROPERTY]);
  });

  it('keeps the comments of the file it updates, and the layout of entries that did not change', () => {
    const text = [
      '# moto 5.2.1, for our CI: ask #emulators before editing',
      'expectations:',
      '  # moto does not check the range at all',
      '  - case: BatchSize/sqs/0',
      '    outcome: fail',
      '    form: { status: 201, errorType: null }',
      '    reason: "moto accepts 0"   # since 4.0',
      '    link: https://example.com/moto/1',
      '  # gone in the next moto',
      '  - case: BatchSize/sqs/gone',
      '    outcome: fail',
      '    form: { status: 201, errorType: null }',
      '    reason: stale',
      '',
    ].join('\n');
    const previous = parseExpectations(text, 'e.yaml');
    const entries = updatedExpectations([failing('BatchSize/sqs/0'), failing(PROPERTY)], previous, scope);
    const written = renderExpectations(entries, MADE_WITH, previous.text);
    expect(written).toBe(
      [
        '# moto 5.2.1, for our CI: ask #emulators before editing',
        '# seed, edition, version: what this file was made with. A run given this file and no --seed draws',
        '# its property values from this seed, so the same target gets the same verdict every time (--seed N',
        "# draws others, to explore); a run of another edition refuses the file; version is this tool's.",
        'seed: 1',
        'edition: seed',
        'version: 0.1.0',
        'expectations:',
        '  # moto does not check the range at all',
        '  - case: BatchSize/sqs/0',
        '    outcome: fail',
        '    form: { status: 201, errorType: null }',
        '    reason: "moto accepts 0" # since 4.0',
        '    link: https://example.com/moto/1',
        `  - case: ${PROPERTY}`,
        '    outcome: fail',
        '    form: { status: 201, errorType: null }',
        '    reason: "expected 400 InvalidParameterValueException, got 201"',
        '',
      ].join('\n'),
    );
    // Updated again with another seed recorded: the keys change in place, the comments stay.
    const twice = renderExpectations(entries, { ...MADE_WITH, seed: 9 }, written);
    expect(twice).toBe(written.replace('seed: 1', 'seed: 9'));
  });

  it('writes, from any answer a target gives, a file --expectations reads back and gates that answer as expected', () => {
    const hostileTypes = [
      'Invalid Parameter',
      'a: b, {c}: [d] #e',
      '- &anchor *alias !tag |',
      'null',
      'x'.repeat(60 * 1024),
      `${'y'.repeat(MAX_ERROR_TYPE_LENGTH - 2)}😀tail`,
      'line\u2028sep\u0085nel\u007fdel\u001bansi',
      '"quoted"\\slash',
    ];
    const results = hostileTypes.map((type, index) =>
      failing(`Hostile/${index}`, response({ status: 400, headers: { 'x-amzn-errortype': type }, body: '' }), `expected 202, got 400 ${type}`.repeat(3)),
    );
    const entries = updatedExpectations(results, null, { editionCaseIds: results.map((result) => result.id), drawnCaseIds: new Set(), exploring: false });
    const text = renderExpectations(entries, MADE_WITH, null);
    expect(Buffer.byteLength(text)).toBeLessThan(64 * 1024);
    const read = parseExpectations(text, 'round.yaml');
    expect(read.entries.map(({ line: _line, ...entry }) => entry)).toEqual(entries);
    for (const [index, result] of results.entries()) expect(gateOf(result, read.entries[index]), result.id).toMatchObject({ status: 'expected' });
    expect(Math.max(...read.entries.map((entry) => entry.reason.length))).toBe(MAX_REASON_LENGTH);
    expect(read.entries[4]?.forms[0]?.errorType).toHaveLength(MAX_ERROR_TYPE_LENGTH);
  });

  it('refuses to write a file larger than --expectations reads, and says why', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'lesm-expectations-'));
    const file = path.join(folder, 'huge.yaml');
    const entry = (index: number): ExpectationEntry => ({ pattern: `Case/${index}`, outcome: 'fail', forms: [{ status: 201, errorType: null }], reason: 'r'.repeat(MAX_REASON_LENGTH), link: null });
    const problem = await writeExpectations(file, Array.from({ length: 1100 }, (_, index) => entry(index)), MADE_WITH, null);
    expect(problem).toMatch(new RegExp(`^${file} was not written: it would hold \\d+ bytes, more than the 1048576 --expectations reads`));
    expect(existsSync(file)).toBe(false);
  });
});
