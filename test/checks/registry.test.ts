import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/case.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { CHECK_NAMES, CHECKS, definitionOf, LEVEL_OF_CHECK } from '../../src/checks/index.ts';
import { ERROR_TYPE_HEADER } from '../../src/checks/error-type.ts';
import { LEVEL_NAMES } from '../../src/checks/levels.ts';
import { exportPact } from '../../src/pact/export.ts';
import { answerDraft } from '../../src/pact/response-matchers.ts';
import { parseVerifierResult } from '../../src/pact/verification.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { levelTable, withLevelTable } from '../../scripts/readme-levels.ts';

const cases = [...generateCases(loadEdition('seed')), ...generateCases(loadEdition('current'))];
const exportable = cases.filter((testCase) => testCase.expected.alsoAccepted.length === 0);
const { pact } = exportPact(exportable, { consumer: 'c', provider: 'p', edition: 'seed', toolVersion: '0.0.0' });

describe('the registry of checks', () => {
  it('names each check once', () => {
    expect(new Set(CHECK_NAMES).size).toBe(CHECKS.length);
  });

  it('has every check either expressed by the Pact export or declared not expressible, with the reason', () => {
    for (const check of CHECKS) {
      const { pact: form } = check;
      if ('notExpressible' in form) {
        expect(form.notExpressible, check.name).toMatch(/\w+ \w+/);
      } else if ('frame' in form) {
        expect(framesOfTheExport(), check.name).toContain(form.frame);
      } else {
        expect(writesToTheAnswer(check.name), `${check.name}: the export of a case carrying it shows nothing of it`).toBe(true);
      }
    }
  });

  it('declares not expressible only checks of the run around an answer, which keep back every level, and those beyond the documentation, which keep back none', () => {
    const notExpressible = CHECKS.filter((check) => 'notExpressible' in check.pact).map((check) => check.name);
    expect(notExpressible).toEqual(CHECK_NAMES.filter((name) => LEVEL_OF_CHECK[name] === null || LEVEL_OF_CHECK[name] === 'none'));
  });

  it("attributes each mismatch Pact's verifier reports to the check that explains it, else to the body's shape", () => {
    // As the verifier writes them: a header's mismatch names it as its `key`, as the Pact file spells it.
    const mismatches = [
      { type: 'StatusMismatch' },
      { type: 'HeaderMismatch', key: 'X-Amzn-ErrorType' },
      { type: 'BodyMismatch', path: '$.FunctionArn' },
      { type: 'BodyMismatch', path: '$.State' },
      { type: 'BodyMismatch', path: '$.BatchSize' },
      { type: 'HeaderMismatch', key: 'X-Written-By-No-Check' },
    ];
    const verifierJson = JSON.stringify({
      interactionResults: [{ description: 'case', result: 'ERROR' }],
      errors: [{ interaction: 'case', mismatch: { type: 'mismatches', mismatches: mismatches.map((mismatch) => ({ ...mismatch, mismatch: 'differs' })) } }],
    });
    const verdict = parseVerifierResult(verifierJson, [])?.verdicts.get('case');
    expect(verdict?.reasons.map((reason) => reason.check)).toEqual([
      'status_code_conformance',
      'error_type_conformance',
      'function_arn_conformance',
      'state_conformance',
      'response_schema_conformance',
      // A header no check writes: not a wrong error type.
      'response_schema_conformance',
    ]);
  });

  it("is the README's table of levels (npm run docs writes it)", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme, "README.md's table of levels is not that of src/checks/: `npm run docs` writes it").toBe(withLevelTable(readme));
    expect(levelTable()).toContain(`| Level 1 | ${LEVEL_NAMES[1]} | \`status_code_conformance\` |`);
  });

  it('keeps the checks attached to each member of an answer side by side in CHECKS, where they are attached member by member', () => {
    const places = CHECKS.flatMap((check, at) => (isMemberCheck(check) ? [at] : []));
    expect(places.length).toBeGreaterThan(1);
    expect(places).toEqual(places.map((_, offset) => (places[0] ?? 0) + offset));
  });

  it("gives every case its success answer's checks in the order of CHECKS, those of the members member by member", () => {
    const firstMemberCheck = CHECKS.findIndex(isMemberCheck);
    const placeOf = (kind: string) => {
      const at = CHECK_NAMES.findIndex((name) => name === kind);
      return isMemberCheck(CHECKS[at]) ? firstMemberCheck : at;
    };
    for (const testCase of cases) {
      const places = testCase.expected.checks.map(({ kind }) => placeOf(kind));
      expect(places, testCase.id).toEqual([...places].sort((a, b) => a - b));
    }
  });
});

function isMemberCheck(check: (typeof CHECKS)[number] | undefined): boolean {
  return check !== undefined && 'attach' in check && 'toEachMember' in check.attach;
}

/** The parts of an interaction that carry the checks of the frame, as the export writes them. */
function framesOfTheExport(): string[] {
  const frames = new Set<string>();
  for (const { response } of pact.interactions) {
    if (Number.isInteger(response.status)) frames.add('status');
    if (response.matchingRules?.header?.[ERROR_TYPE_HEADER] !== undefined) frames.add('error-type header');
    if (response.body?.contentType === 'application/json' && typeof response.body.content === 'object') frames.add('JSON body');
  }
  return [...frames];
}

/** Whether, for some exported case carrying the check, writing it into an empty answer leaves a mark. */
function writesToTheAnswer(name: string): boolean {
  return exportable.some((testCase: Case) =>
    testCase.expected.checks
      .filter((check) => check.kind === name)
      .some((check) => {
        const { pact: form } = definitionOf(check);
        if (!('express' in form)) return false;
        const draft = answerDraft(testCase);
        form.express(check, draft);
        return draft.members.size > 0 || draft.headers.size > 0 || draft.mediaType !== undefined;
      }),
  );
}
