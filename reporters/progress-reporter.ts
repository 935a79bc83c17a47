import type { Reporter, TestCase } from 'vitest/node';
import type { CaseResult } from '../src/results.ts';
import './task-meta.ts';

const marks: Readonly<Record<CaseResult['outcome'], string>> = { pass: 'pass ', fail: 'FAIL ', error: 'ERROR', skip: 'skip ' };

/** One line per judged case as it finishes, with the reasons of those that do not conform. */
export class ProgressReporter implements Reporter {
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void = (text) => process.stdout.write(text),
  ) {}

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.meta().result;
    this.done += 1;
    const counter = `[${String(this.done).padStart(String(this.total).length)}/${this.total}]`;
    if (result === undefined) {
      const error = testCase.result().errors?.[0]?.message ?? 'no result';
      this.write(`${counter} ERROR ${testCase.name}: ${error}\n`);
      return;
    }
    this.write(`${counter} ${marks[result.outcome]} ${result.id} (${result.durationMs} ms)\n`);
    if (result.outcome === 'fail' || result.outcome === 'error') {
      for (const reason of result.reasons) this.write(`        ${reason.clause}: ${reason.message}\n`);
    }
  }
}
