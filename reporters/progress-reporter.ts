import type { Reporter, TestCase } from 'vitest/node';
import type { CaseResult } from '../src/results.ts';
import { consoleLine } from './console-line.ts';
import '../suites/hand-off.ts';

const marks: Readonly<Record<CaseResult['outcome'], string>> = { pass: 'pass ', fail: 'FAIL ', error: 'ERROR', skip: 'skip ' };

/** One line per case as it finishes, with the reasons of those that do not conform. */
export class ProgressReporter implements Reporter {
  private readonly reported = new Set<string>();

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void = (text) => process.stdout.write(text),
    /** Credentials to mask in every line, as a last pass. */
    private readonly secrets: () => readonly string[] = () => [],
  ) {}

  private line(text: string): void {
    this.write(`${consoleLine(text, this.secrets())}\n`);
  }

  onTestCaseResult(testCase: TestCase): void {
    // A cancelled run reports the cases it never started as skipped, once per case.
    if (this.reported.has(testCase.id)) return;
    this.reported.add(testCase.id);
    const counter = `[${String(this.reported.size).padStart(String(this.total).length)}/${this.total}]`;
    const result = testCase.meta().result;
    if (result === undefined) {
      const state = testCase.result().state;
      const why = state === 'skipped' ? 'not run' : (testCase.result().errors?.[0]?.message ?? 'no result');
      this.line(`${counter} ${state === 'skipped' ? marks.skip : marks.error} ${testCase.name}: ${why}`);
      return;
    }
    this.line(`${counter} ${marks[result.outcome]} ${result.id} (${result.durationMs} ms)`);
    if (result.outcome === 'fail' || result.outcome === 'error') {
      for (const reason of result.reasons) this.line(`        ${reason.clause}: ${reason.message}`);
    }
  }
}
