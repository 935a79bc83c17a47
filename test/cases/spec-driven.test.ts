// Cases come from the spec alone: a field or a rule added to the YAML yields its cases and checks
// with no change to the code. Each test adds YAML text to the seed in memory and loads it as a
// user's file would be loaded (schema, consistency and all).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/case.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { editionPath, parseSpec } from '../../src/spec/load.ts';
import { specProblems } from '../support/spec-problems.ts';

const seedText = readFileSync(editionPath('seed'), 'utf8');

/** The seed with `yaml` added at the start of a top-level section. */
function seedWith(section: 'request' | 'rules' | 'outcomes', yaml: string, text = seedText): string {
  const heading = `\n${section}:\n`;
  if (!text.includes(heading)) throw new Error(`no ${section} section`);
  return text.replace(heading, `${heading}${yaml}`);
}

function casesOf(text: string): Map<string, Case> {
  return new Map(generateCases(parseSpec('in-memory.yaml', text)).map((testCase) => [testCase.id, testCase]));
}

function get(cases: Map<string, Case>, id: string): Case {
  const found = cases.get(id);
  if (found === undefined) throw new Error(`no case "${id}" among ${[...cases.keys()].filter((key) => key.startsWith(id.split('/')[0] ?? '')).join(', ')}`);
  return found;
}

const outcome = (testCase: Case) => [testCase.expected, ...testCase.expected.alsoAccepted].map((o) => [o.status, ...o.errorTypes].join(' '));
const bodyOf = (testCase: Case) => testCase.request.body as Record<string, unknown>;
const invalid = '400 InvalidParameterValueException';

/** The README's example, taken from the README: one entry under request: is all a new field takes. */
const maximumRetryAttempts = readmeExample();

function readmeExample(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const example = /A new documented field is one entry[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  if (example === undefined) throw new Error('README.md no longer shows the YAML entry of a new field');
  return example;
}

describe('a field added to the spec', () => {
  const seedIds = new Set(generateCases(parseSpec('seed.yaml', seedText)).map((testCase) => testCase.id));
  const cases = casesOf(seedWith('request', maximumRetryAttempts));
  const added = [...cases.keys()].filter((id) => !seedIds.has(id));

  it('gets exactly its boundary, default, not-applicable and wrong-type cases, and removes none', () => {
    expect(added.sort()).toEqual(
      [
        ...['kinesis', 'dynamodb'].flatMap((source) => ['-2', '-1', '10000', '10001', 'omitted'].map((variant) => `MaximumRetryAttempts/${source}/${variant}`)),
        'MaximumRetryAttempts/sqs/not-applicable',
        'MaximumRetryAttempts/wrong-type/boolean',
        'MaximumRetryAttempts/wrong-type/fraction',
        'MaximumRetryAttempts/wrong-type/string',
      ].sort(),
    );
    expect([...seedIds].filter((id) => !cases.has(id))).toEqual([]);
  });

  it('refuses min−1 and max+1 and accepts min and max, echoed, on each source it applies to', () => {
    for (const source of ['kinesis', 'dynamodb']) {
      expect(outcome(get(cases, `MaximumRetryAttempts/${source}/-2`))).toEqual([invalid]);
      expect(outcome(get(cases, `MaximumRetryAttempts/${source}/10001`))).toEqual([invalid]);
      expect(get(cases, `MaximumRetryAttempts/${source}/10001`).clause).toBe('MaximumRetryAttempts.range');
      for (const value of [-1, 10000]) {
        const testCase = get(cases, `MaximumRetryAttempts/${source}/${value}`);
        expect(bodyOf(testCase)['MaximumRetryAttempts']).toBe(value);
        expect(outcome(testCase)).toEqual(['202']);
        expect(testCase.expected.checks).toContainEqual({ kind: 'echoed_value_conformance', clause: 'MaximumRetryAttempts.range', field: 'MaximumRetryAttempts' });
      }
    }
  });

  it('expects the default back when it is left out, on every success of a source it applies to', () => {
    const omitted = get(cases, 'MaximumRetryAttempts/kinesis/omitted');
    expect(bodyOf(omitted)).not.toHaveProperty('MaximumRetryAttempts');
    const defaultCheck = { kind: 'default_value_conformance', clause: 'MaximumRetryAttempts.default', field: 'MaximumRetryAttempts', value: -1 };
    expect(omitted.expected.checks).toContainEqual(defaultCheck);
    expect(get(cases, 'BatchSize/dynamodb/1').expected.checks).toContainEqual(defaultCheck);
    expect(get(cases, 'BatchSize/sqs/1').expected.checks.filter((check) => 'field' in check && check.field === 'MaximumRetryAttempts')).toEqual([]);
  });

  it('refuses it on a source it does not apply to, citing its applicability', () => {
    const testCase = get(cases, 'MaximumRetryAttempts/sqs/not-applicable');
    expect(bodyOf(testCase)).toMatchObject({ MaximumRetryAttempts: -1, EventSourceArn: '{{sqs.arn}}' });
    expect(testCase.clause).toBe('MaximumRetryAttempts.streams-only');
    expect(outcome(testCase)).toEqual([invalid]);
  });

  it('sends values of the wrong JSON type where the field applies', () => {
    const testCase = get(cases, 'MaximumRetryAttempts/wrong-type/string');
    expect(bodyOf(testCase)).toMatchObject({ MaximumRetryAttempts: '10', EventSourceArn: '{{kinesis.arn}}' });
    // Sent on a stream, where the field applies, but about no source: the type is the same on every one.
    expect(testCase.sourceType).toBeNull();
    expect(outcome(testCase)).toEqual([invalid]);
  });

  it('gives a breach the error type its rule names, and the edition-wide one otherwise', () => {
    const withOwnError = seedWith(
      'outcomes',
      `  modelConstraint:\n    why: "A broken model constraint is answered as a validation error."\n    accept: [{ status: 400, errorTypes: [ValidationException] }]\n`,
      seedWith('request', maximumRetryAttempts.replace('minimum: -1, maximum: 10000 }', 'minimum: -1, maximum: 10000, outcome: modelConstraint }')),
    );
    const validated = casesOf(withOwnError);
    expect(outcome(get(validated, 'MaximumRetryAttempts/kinesis/10001'))).toEqual(['400 ValidationException']);
    expect(outcome(get(validated, 'MaximumRetryAttempts/sqs/not-applicable'))).toEqual([invalid]);
    expect(outcome(get(validated, 'BatchSize/kinesis/10001'))).toEqual([invalid]);
  });

  it('yields length and pattern cases for a plain string field', () => {
    const label = `  Label:\n    type: { clause: Label.type, doc: "Type: String", is: string }\n    length: { clause: Label.length, doc: "1 to 8.", minimum: 1, maximum: 8 }\n    pattern: { clause: Label.pattern, doc: "[a-z]+", regex: "[a-z]+" }\n    example: abc\n`;
    const labelled = casesOf(seedWith('request', label));
    expect([...labelled.keys()].filter((id) => id.startsWith('Label/') && !id.includes('wrong-type'))).toEqual([
      'Label/length/0',
      'Label/length/1',
      'Label/length/8',
      'Label/length/9',
      'Label/illegal/space',
      'Label/illegal/exclamation-mark',
      'Label/illegal/slash',
      'Label/illegal/non-ascii',
    ]);
    expect(outcome(get(labelled, 'Label/length/0'))).toEqual([invalid]);
    expect(bodyOf(get(labelled, 'Label/length/8'))['Label']).toBe('abcabcab');
    expect(outcome(get(labelled, 'Label/length/8'))).toEqual(['202']);
    expect(outcome(get(labelled, 'Label/length/9'))).toEqual([invalid]);
    expect(outcome(get(labelled, 'Label/illegal/space'))).toEqual([invalid]);
  });
});

describe('a rule between fields added to the spec', () => {
  // Today's AWS: an SQS standard queue takes up to 10000, but above 10 only with a batching window of at least 1 s.
  const rule = `  - clause: BatchSize.sqs-window
    doc: "When you set BatchSize to a value greater than 10, you must set MaximumBatchingWindowInSeconds to at least 1."
    kind: required-when
    field: MaximumBatchingWindowInSeconds
    atLeast: 1
    when: { field: BatchSize, above: 10 }
    sourceTypes: [sqs]
`;
  const text = seedWith('rules', rule).replace('default: 10\n        maximum: 10\n', 'default: 10\n        maximum: 10000\n');
  const cases = casesOf(text);

  it('refuses the condition without the field, and with the field below its least value, citing the rule', () => {
    const missing = get(cases, 'MaximumBatchingWindowInSeconds/sqs/missing-with-BatchSize-11');
    expect(bodyOf(missing)).toMatchObject({ BatchSize: 11 });
    expect(bodyOf(missing)).not.toHaveProperty('MaximumBatchingWindowInSeconds');
    expect(missing.clause).toBe('BatchSize.sqs-window');
    expect(outcome(missing)).toEqual([invalid]);
    const below = get(cases, 'MaximumBatchingWindowInSeconds/sqs/0-with-BatchSize-11');
    expect(bodyOf(below)).toMatchObject({ BatchSize: 11, MaximumBatchingWindowInSeconds: 0 });
    expect(outcome(below)).toEqual([invalid]);
  });

  it('accepts the condition with the field at its least value, both echoed', () => {
    const enough = get(cases, 'MaximumBatchingWindowInSeconds/sqs/1-with-BatchSize-11');
    expect(outcome(enough)).toEqual(['202']);
    expect(enough.expected.checks.filter((check) => check.kind === 'echoed_value_conformance').map((check) => 'field' in check && check.field)).toEqual([
      'BatchSize',
      'MaximumBatchingWindowInSeconds',
      'EventSourceArn',
    ]);
  });

  it('sends the boundaries that meet the condition with what the rule asks for, and accepts them', () => {
    for (const size of [11, 1000, 10000]) {
      const testCase = get(cases, `BatchSize/sqs/${size}`);
      expect(bodyOf(testCase)).toMatchObject({ BatchSize: size, MaximumBatchingWindowInSeconds: 1 });
      expect(outcome(testCase)).toEqual(['202']);
      expect(testCase.title).toContain('with MaximumBatchingWindowInSeconds 1');
    }
    expect(bodyOf(get(cases, 'BatchSize/sqs/10'))).not.toHaveProperty('MaximumBatchingWindowInSeconds');
  });

  it('asks nothing of the sources the rule is not for', () => {
    expect([...cases.keys()].filter((id) => id.includes('-with-BatchSize-'))).toEqual([
      'MaximumBatchingWindowInSeconds/sqs/missing-with-BatchSize-11',
      'MaximumBatchingWindowInSeconds/sqs/0-with-BatchSize-11',
      'MaximumBatchingWindowInSeconds/sqs/1-with-BatchSize-11',
    ]);
    expect(bodyOf(get(cases, 'BatchSize/kinesis/11'))).not.toHaveProperty('MaximumBatchingWindowInSeconds');
  });
});

describe("a field's samples", () => {
  const withSamples = (samples: string) =>
    seedWith(
      'request',
      `  Filtering:
    type: { clause: Filtering.type, doc: "Type: Object", is: object }
    samples:
${samples}
`,
    );
  const cases = casesOf(
    withSamples(`      - { variant: first-source, clause: Filtering.first, doc: "The request accepts the following data in JSON format.", value: { On: true } }
      - { variant: queues, clause: Filtering.queues, doc: "Amazon Simple Queue Service - The ARN of the queue.", value: { On: true }, sourceTypes: [sqs, dynamodb], with: { BatchSize: 5, Enabled: false }, source: recorded }
      - { variant: undecided, clause: Filtering.undecided, doc: "Required: Yes", value: { On: false }, open: unknownField, sourceTypes: [sqs], echoed: false, source: documentation }
      - { variant: refused, clause: Filtering.refused, doc: "Type: String", value: { On: 1 }, refused: true, sourceTypes: [kinesis], source: documentation }`),
  );

  it('sends each on the sources it names, else on the first the field applies to', () => {
    expect([...cases.keys()].filter((id) => id.startsWith('Filtering/') && !id.includes('wrong-type'))).toEqual([
      'Filtering/kinesis/first-source',
      'Filtering/sqs/queues',
      'Filtering/dynamodb/queues',
      'Filtering/sqs/undecided',
      'Filtering/kinesis/refused',
    ]);
  });

  it('sends the members it names beside it, and judges the answer by them too', () => {
    const queues = get(cases, 'Filtering/sqs/queues');
    expect(bodyOf(queues)).toMatchObject({ Filtering: { On: true }, BatchSize: 5, Enabled: false });
    expect(queues.title).toContain('with BatchSize 5 and Enabled false');
    expect(queues.expected.checks).toContainEqual({ kind: 'state_conformance', clause: 'Enabled', notIn: ['Enabling', 'Enabled'] });
    expect(queues.expected.checks).toContainEqual({ kind: 'echoed_value_conformance', clause: 'BatchSize.range', field: 'BatchSize' });
    expect(bodyOf(get(cases, 'Filtering/dynamodb/queues'))).toHaveProperty('StartingPosition');
  });

  it('leaves an open one to its question, citing it, and says what each expectation rests on', () => {
    const undecided = get(cases, 'Filtering/sqs/undecided');
    expect(outcome(undecided)).toEqual(['202', invalid]);
    expect(undecided.clauses).toContain('Request.unknown-field');
    expect(undecided.expected.why).toMatch(/Only documented: no answer of real AWS is recorded for it\.$/);
    expect(get(cases, 'Filtering/sqs/queues').expected.why).toMatch(/Recorded: real AWS answered so\.$/);
    expect(outcome(get(cases, 'Filtering/kinesis/refused'))).toEqual([invalid]);
    expect(get(cases, 'Filtering/kinesis/first-source').expected.why).toBe('A documented value of Filtering.');
  });

  it('leaves the echo of a member unjudged where the sample says the answer leaves it out', () => {
    // Filtering is not a response member of the seed: only a response member is echoed, so it is added for this test.
    const answered = casesOf(
      withSamples(`      - { variant: kept, clause: Filtering.kept, doc: "Type: String", value: { On: true }, sourceTypes: [sqs] }
      - { variant: left-out, clause: Filtering.left-out, doc: "Required: Yes", value: { On: true }, sourceTypes: [sqs], echoed: false }`).replace(
        '\n  fields:\n',
        '\n  fields:\n    Filtering: { clause: Response.Filtering, doc: "Type: Object", is: object }\n',
      ),
    );
    expect(answered.get('Filtering/sqs/kept')?.expected.checks.some((check) => check.kind === 'echoed_value_conformance' && check.field === 'Filtering')).toBe(true);
    expect(answered.get('Filtering/sqs/left-out')?.expected.checks.some((check) => check.kind === 'echoed_value_conformance' && check.field === 'Filtering')).toBe(false);
  });

  it('refuses an open question or a member that the spec does not have, and open beside refused', () => {
    const unknown = specProblems(withSamples(`      - { variant: a, clause: Filtering.a, doc: "Type: String", value: { On: true }, open: noSuchQuestion, with: { NoSuchField: 1 } }`));
    expect(unknown.map((problem) => problem.message)).toEqual(['"noSuchQuestion" is not an entry of unspecified', '"NoSuchField" is not a request field']);
    const both = specProblems(withSamples(`      - { variant: b, clause: Filtering.b, doc: "Type: String", value: { On: true }, open: unknownField, refused: true }`));
    expect(both.map((problem) => problem.message)).toEqual(['sample "b" is both refused and open']);
  });
});
