// Colour on a terminal only, and the escapes of GitHub's workflow commands.
import { describe, expect, it } from 'vitest';
import { ansiColour, wantsColour } from '../../reporters/console-colour.ts';
import { ProgressReporter } from '../../reporters/progress-reporter.ts';
import { printRecap } from '../../cli/recap.ts';
import { paintedConsoleLine } from '../../reporters/console-line.ts';
import { workflowCommandData, workflowCommandProperty } from '../../cli/github-actions.ts';
import { caseResult, sampleReport } from '../reporters/support/build-report.ts';

const ESC = '\u001b';

describe('colour', () => {
  it('is wanted on a TTY only, and never with NO_COLOR set or TERM=dumb', () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({}, {})).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    // no-color.org: an empty NO_COLOR does not count.
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(wantsColour({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('paints our marks, never what a target sent, which stays spelled out', () => {
    let written = '';
    const progress = new ProgressReporter(2, (text) => (written += text), () => [], { paint: ansiColour });
    progress.caseEnded(caseResult({ id: 'A/1', outcome: 'pass' }));
    progress.caseEnded(caseResult({ id: `B/${ESC}[31mforged`, outcome: 'fail', reasons: [] }));
    expect(written).toBe(`[1/2] ${ESC}[32mpass${ESC}[0m  A/1 (12 ms)\n[2/2] ${ESC}[31mFAIL${ESC}[0m  B/\\u001B[31mforged (12 ms)\n`);
    expect(paintedConsoleLine('CONFORMS: x', [], ansiColour, { word: 'CONFORMS', colour: 'green' })).toBe(`${ESC}[32mCONFORMS${ESC}[0m: x`);
  });

  it('leaves a console without colour plain', () => {
    let written = '';
    new ProgressReporter(1, (text) => (written += text)).caseEnded(caseResult({ id: 'A/1', outcome: 'pass' }));
    expect(written).not.toContain(ESC);
    const lines: string[] = [];
    printRecap(sampleReport(), 'reports', { passed: 'cases pass', unjudged: 'could not be judged', skipped: 'skipped' }, (line) => lines.push(line));
    expect(lines.join('\n')).not.toContain(ESC);
  });
});

describe('workflow commands', () => {
  it('escape %, CR and LF in a message, and also : and , in a property, as @actions/core does', () => {
    expect(workflowCommandData('50%\r\n::error::x')).toBe('50%25%0D%0A::error::x');
    expect(workflowCommandProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
});
