// The CI gate end to end: a server with a known deviation (the reference server behind a proxy
// that answers a successful create with 201, as moto does) fails a plain run; --update-expectations
// records the deviation; --expectations then passes; the deviation gone, the run fails as an
// unexpected pass; a deviation that changes form, or a new one, is a regression; `diff` names the
// cases that changed. Runs are of one --grep subset, which is also what makes them partial.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../cli/version.ts';
import { parseExpectations } from '../../src/gate/parse-expectations.ts';
import type { Interference } from '../support/intercepting-proxy.ts';
import { proxiedReferenceServer } from '../support/proxied-reference.ts';
import { commandInProcess, idsWith, readReport, readResults, runInProcess, seedCaseCount, type CliRun } from './support/cli-run.ts';

const createMapping = 'POST /2015-03-31/event-source-mappings/';
const GREP = '^BatchSize/sqs/';
const selected = seedCaseCount(GREP);
const edition = seedCaseCount();
const rules: Record<string, Interference> = {};
const folder = mkdtempSync(path.join(tmpdir(), 'lesm-gate-'));

/** Answers every successful create with `status` instead of 202. */
function createdWith(status: number): Interference {
  return { kind: 'mutate', answer: (answer) => (answer.status === 202 ? { ...answer, status } : answer) };
}

const target = proxiedReferenceServer(rules);

async function run(deviation: number | null, ...args: string[]): Promise<CliRun> {
  if (deviation === null) delete rules[createMapping];
  else rules[createMapping] = createdWith(deviation);
  return runInProcess(['--target', target.proxy.url, '--grep', GREP, ...args]);
}

function file(name: string, text?: string): string {
  const where = path.join(folder, name);
  if (text !== undefined) writeFileSync(where, text);
  return where;
}

describe('the gate of --expectations', () => {
  let deviating: string[];
  let deviatingRun: CliRun;
  let cleanRun: CliRun;
  let recordedSeed: number;
  const recorded = file('recorded.yaml');

  it('a clean run of a subset passes, labelled partial, never a bare CONFORMS', async () => {
    cleanRun = await run(null);
    expect(cleanRun.code, cleanRun.stderr).toBe(0);
    const report = readResults(cleanRun);
    expect(report.scope).toEqual({ grep: GREP, repeat: 1, seed: expect.any(Number), editionCases: edition, partial: true });
    expect(report.gate).toBeNull();
    expect(cleanRun.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^CONFORMS \\(partial: ${selected} cases of ${edition}\\): `));
    expect(cleanRun.stdout).toContain(`${selected} of ${selected} cases pass`);
    expect(cleanRun.stdout).toContain(`Partial: ${selected} cases of the seed edition's ${edition} were run (--grep "${GREP}").`);
    expect(readReport(cleanRun, 'report.html')).toContain(`<strong class="partial">partial</strong>: ${selected} of the ${edition} cases of the edition`);
    expect(readReport(cleanRun, 'junit.xml')).toContain(`<property name="selection" value="${GREP}"/>`);
  });

  it('a run against a server with a deviation fails without expectations', async () => {
    deviatingRun = await run(201);
    expect(deviatingRun.code, deviatingRun.stderr).toBe(1);
    deviating = idsWith(readResults(deviatingRun), 'fail');
    expect(deviating.length).toBeGreaterThan(1);
    expect(deviating.length).toBeLessThan(selected);
  });

  it('--update-expectations records the deviations and exits 0 without gating', async () => {
    const update = await run(201, '--update-expectations', recorded);
    expect(update.code, update.stderr).toBe(0);
    recordedSeed = readResults(update).scope.seed ?? -1;
    expect(update.stderr).toContain(`seed ${recordedSeed} (drawn at random)`);
    expect(update.stderr).toContain(`wrote ${deviating.length} known deviations to ${recorded}, with seed ${recordedSeed}; gate on it with: lambda-esm-conformance run --target ${target.proxy.url} --expectations ${recorded}\n`);
    const written = parseExpectations(readFileSync(recorded, 'utf8'), recorded);
    expect(written.madeWith).toEqual({ seed: recordedSeed, edition: 'seed', version: VERSION });
    expect(written.entries.map((entry) => entry.pattern)).toEqual(deviating);
    for (const entry of written.entries) expect(entry).toMatchObject({ outcome: 'fail', forms: [{ status: 201, errorType: null }], reason: expect.stringContaining('expected 202, got 201') });
  });

  it('then --expectations passes: known deviations only, in every report', async () => {
    // A person explains one entry; the next update keeps what they wrote.
    writeFileSync(recorded, readFileSync(recorded, 'utf8').replace(/reason: "[^"]*"/, 'reason: "answers 201 where the documentation says 202"\n    link: "https://example.com/issue/1"'));
    const gated = await run(201, '--expectations', recorded);
    expect(gated.code, gated.stderr).toBe(0);
    const report = readResults(gated);
    // No --seed: the run draws from the seed the file records, and says so.
    expect(gated.stderr).toContain(`seed ${recordedSeed} (from ${recorded}): --seed ${recordedSeed} draws the same values again`);
    expect(report.scope.seed).toBe(recordedSeed);
    expect(report.gate).toEqual({ file: recorded, expected: deviating.length, unexpectedPass: 0, regression: 0, stale: [] });
    expect(gated.stdout).toContain(`KNOWN DEVIATIONS ONLY (partial: ${selected} cases of ${edition})`);
    expect(gated.stdout).toContain(`Gate ${recorded}: ${deviating.length} expected, 0 unexpected passes, 0 regressions.`);
    const first = report.cases.find((result) => result.id === deviating[0]);
    expect(first?.gate).toEqual({
      status: 'expected',
      entry: { pattern: deviating[0], reason: 'answers 201 where the documentation says 202', link: 'https://example.com/issue/1' },
      note: 'deviates as listed: 201 (no error type)',
    });
    const junit = readReport(gated, 'junit.xml');
    expect(junit).toMatch(/<testsuites [^>]*failures="0" errors="0"/);
    expect(junit).toContain('<skipped message="expected deviation: answers 201 where the documentation says 202 (deviates as listed: 201 (no error type))"/>');
    const html = readReport(gated, 'report.html');
    expect(html).toContain('KNOWN DEVIATIONS ONLY');
    expect(html).toContain(`${deviating.length} expected deviations</a></li>`);

    // Comments a person adds survive the next update too.
    writeFileSync(recorded, `# our moto gate\n${readFileSync(recorded, 'utf8').replace('  - case:', '  # explained below\n  - case:')}`);
    const again = await run(201, '--update-expectations', recorded);
    expect(again.code).toBe(0);
    const rewritten = readFileSync(recorded, 'utf8');
    expect(rewritten).toContain('reason: "answers 201 where the documentation says 202"\n    link: "https://example.com/issue/1"');
    expect(rewritten).toMatch(/^# our moto gate\n/);
    expect(rewritten).toContain('  # explained below\n  - case:');
    expect(rewritten).toContain(`seed: ${recordedSeed}\n`);
  });

  it('with the deviation gone, the listed cases fail the gate as unexpected passes', async () => {
    const fixed = await run(null, '--expectations', recorded);
    expect(fixed.code, fixed.stderr).toBe(1);
    const report = readResults(fixed);
    expect(report.summary.fail).toBe(0);
    expect(report.gate).toMatchObject({ expected: 0, unexpectedPass: deviating.length, regression: 0 });
    expect(fixed.stdout).toContain('DOES NOT CONFORM (partial');
    expect(report.cases.find((result) => result.id === deviating[0])?.gate?.note).toBe('listed as answered 201 (no error type), but it passes: remove the entry');
    expect(readReport(fixed, 'junit.xml')).toContain('<failure message="unexpected pass: listed as answered 201 (no error type), but it passes: remove the entry" type="unexpected-pass">');
  });

  it('a deviation that changes form is a regression', async () => {
    const changed = await run(200, '--expectations', recorded);
    expect(changed.code, changed.stderr).toBe(1);
    const report = readResults(changed);
    expect(report.gate).toMatchObject({ expected: 0, unexpectedPass: 0, regression: deviating.length });
    expect(report.cases.find((result) => result.id === deviating[0])?.gate?.note).toBe('listed as answered 201 (no error type), answered 200 (no error type)');
    expect(readReport(changed, 'junit.xml')).toContain('Regression: listed as answered 201 (no error type), answered 200 (no error type)');
  });

  it('a failing case that is not listed is a regression, beside the expected ones', async () => {
    const [kept, ...dropped] = deviating;
    const partial = file('one.yaml', `expectations:\n  - case: ${kept}\n    outcome: fail\n    form: { status: 201, errorType: null }\n    reason: known\n`);
    const gated = await run(201, '--expectations', partial);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toContain(`${partial} records no seed, so this gate is not pinned: property cases draw other values on every run`);
    expect(readResults(gated).gate).toMatchObject({ expected: 1, unexpectedPass: 0, regression: dropped.length });
    expect(readResults(gated).cases.find((result) => result.id === dropped[0])?.gate).toEqual({ status: 'regression', entry: null, note: 'not in the expectations file; answered 201 (no error type)' });
  });

  it('reports stale entries with their line and does not fail on them; entries for cases --grep left out are not stale', async () => {
    const entry = (id: string, status: number, reason: string): string => `  - case: ${id}\n    outcome: fail\n    form: { status: ${status}, errorType: null }\n    reason: ${reason}\n`;
    const text = `expectations:\n${entry('Retired/case', 400, 'a case the edition no longer has')}${entry('BatchSize/kinesis/0', 201, 'not in this selection')}${deviating.map((id) => entry(id, 201, 'answers 201')).join('')}`;
    const withStale = file('stale.yaml', text);
    const gated = await run(201, '--expectations', withStale);
    expect(gated.code, gated.stderr).toBe(0);
    expect(readResults(gated).gate).toEqual({ file: withStale, expected: deviating.length, unexpectedPass: 0, regression: 0, stale: [{ pattern: 'Retired/case', line: 2 }] });
    expect(gated.stderr).toContain(`stale expectation ${withStale}:2: "Retired/case" matches no case of the seed edition`);
    expect(gated.stdout).toContain('1 stale entry (no such case)');

    // The update drops the stale entry, keeps the one for a case this run did not send, and writes the glob's cases by id.
    const update = await run(201, '--update-expectations', withStale);
    expect(update.code).toBe(0);
    const patterns = parseExpectations(readFileSync(withStale, 'utf8'), withStale).entries.map((entry) => entry.pattern);
    expect(patterns).toEqual(['BatchSize/kinesis/0', ...deviating].sort());
  });

  it('does not call an entry for a property case stale when --property-runs 0 leaves property cases out', async () => {
    const text = `expectations:\n  - case: BatchSize/sqs/property/invalid\n    outcome: fail\n    form: { status: 201, errorType: null }\n    reason: accepts any batch\n`;
    const gated = await run(null, '--expectations', file('property.yaml', text), '--property-runs', '0');
    expect(gated.code, gated.stderr).toBe(0);
    expect(readResults(gated).gate?.stale).toEqual([]);
  });

  it('refuses a malformed expectations file with exit 2 at its line and column, before any case is sent', async () => {
    const broken = file('broken.yaml', 'expectations:\n  - case: BatchSize/sqs/0\n    outcome: failed\n    form: { status: 201, errorType: null }\n    reason: x\n');
    const seenBefore = target.proxy.seen.length;
    const refused = await run(201, '--expectations', broken);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${broken}:3:14: \`outcome\` is "failed": it must be fail, error or skip`);
    expect(refused.stderr).toContain('fix: write `outcome: fail`');
    expect(target.proxy.seen.length).toBe(seenBefore);
  });

  it('an entry may list several forms: any of them is expected, none of them a regression that names them all', async () => {
    const listing = file('forms.yaml', `expectations:\n${deviating.map((id) => `  - case: ${id}\n    outcome: fail\n    form:\n      - { status: 201, errorType: null }\n      - { status: 203, errorType: null }\n    reason: answers 201 or 203\n`).join('')}`);
    const other = await run(203, '--expectations', listing);
    expect(other.code, other.stderr).toBe(0);
    expect(readResults(other).gate).toMatchObject({ expected: deviating.length, regression: 0 });
    const changed = await run(200, '--expectations', listing);
    expect(changed.code).toBe(1);
    const note = 'listed as answered 201 (no error type) or 203 (no error type), answered 200 (no error type)';
    expect(readResults(changed).cases.find((result) => result.id === deviating[0])?.gate?.note).toBe(note);
    expect(readReport(changed, 'junit.xml')).toContain(`Regression: ${note}`);
    expect(readReport(changed, 'report.html')).toContain(note);
  });

  it('refuses a file made for another edition with one sentence and exit 2, before any request', async () => {
    const current = file('current.yaml', `edition: current\nexpectations:\n  - case: ${deviating[0]}\n    outcome: fail\n    form: { status: 201, errorType: null }\n    reason: x\n`);
    const seenBefore = target.proxy.seen.length;
    const refused = await run(201, '--expectations', current);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `lambda-esm-conformance: ${current} was made for the current edition and this run judges the seed edition, so every case would be judged against another contract's deviations: run with --edition current, or gate on a file made with --edition seed --update-expectations NEW-FILE.\n`,
    );
    expect(target.proxy.seen.length).toBe(seenBefore);
  });

  it('gates with a glob of twenty stars within the run (as a regular expression it never ended)', async () => {
    const hostile = file('stars.yaml', readFileSync(recorded, 'utf8').replace('expectations:\n', `expectations:\n  - case: "${'*'.repeat(20)}!"\n    outcome: fail\n    form: { status: 201, errorType: null }\n    reason: matches nothing\n`));
    const gated = await run(201, '--expectations', hostile);
    expect(gated.code, gated.stderr).toBe(0);
    expect(readResults(gated).gate?.stale.map((entry) => entry.pattern)).toEqual([`${'*'.repeat(20)}!`]);
  });

  it('diff names the cases that changed between two runs, and exits 0 for identical ones', async () => {
    const a = path.join(cleanRun.reportDir, 'results.json');
    const b = path.join(deviatingRun.reportDir, 'results.json');
    const changed = await commandInProcess(['diff', a, b], folder);
    expect(changed.code, changed.stderr).toBe(1);
    // A failing property case also names its counterexample.
    for (const id of deviating) expect(changed.stdout).toMatch(new RegExp(`newly failing   ${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: pass 202 \\(no error type\\) → fail 201 \\(no error type\\)(, counterexample BatchSize \\d+)?\n`));
    expect(changed.stdout).toContain(`${deviating.length} cases differ.`);

    const same = await commandInProcess(['diff', a, a], folder);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No case differs.');
  });
});
