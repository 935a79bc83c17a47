import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationsOf, type LocatedCitation } from '../../src/spec/citations.ts';
import { editionPath, loadEdition, loadSpecFile, parseSpec } from '../../src/spec/load.ts';
import { specProblems } from '../support/spec-problems.ts';

const seedText = readFileSync(editionPath('seed'), 'utf8');

const problemsOf = (text: string) => specProblems(text);

/** 1-based line and column of the first occurrence of `needle` (optionally after `after`). */
function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, after === '' ? 0 : text.indexOf(after));
  if (offset < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`"${from}" is not in the seed spec`);
  return text.replace(from, to);
}

describe('the seed spec', () => {
  it('loads and holds the documented contract', () => {
    const spec = loadEdition('seed');
    expect(spec.edition).toBe('seed');
    expect(spec.operation).toMatchObject({ method: 'POST', path: '/2015-03-31/event-source-mappings/' });
    expect(spec.response.status.code).toBe(202);
    expect(spec.request['BatchSize']?.range).toMatchObject({ minimum: 1, maximum: 10000 });
    expect(spec.request['BatchSize']?.perSourceType).toMatchObject({
      kinesis: { default: 100, maximum: 10000 },
      dynamodb: { default: 100, maximum: 1000 },
      sqs: { default: 10, maximum: 10 },
    });
    expect(spec.request['FunctionName']?.length).toMatchObject({ minimum: 1, maximum: 140 });
    expect(spec.request['FunctionName']?.nameLength?.maximum).toBe(64);
    expect(spec.request['StartingPosition']?.values?.enum).toEqual(['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP']);
    expect(Object.fromEntries(Object.entries(spec.errors).map(([name, error]) => [name, error.status]))).toEqual({
      InvalidParameterValueException: 400,
      ResourceConflictException: 409,
      ResourceNotFoundException: 404,
      ServiceException: 500,
      TooManyRequestsException: 429,
    });
    expect(Object.keys(spec.response.fields).sort()).toEqual(
      ['BatchSize', 'EventSourceArn', 'FunctionArn', 'LastModified', 'LastProcessingResult', 'MaximumBatchingWindowInSeconds', 'State', 'StateTransitionReason', 'UUID'],
    );
  });

  it.each(['seed', 'current'])('quotes word for word in every citation of the %s edition the document it cites', (edition) => {
    const citations = citationsOf(loadEdition(edition));
    expect(citations.length).toBeGreaterThan(50);
    const misquoted = citations.filter((citation) => !documentOf(edition, citation).includes(normalised(citation.doc)));
    expect(misquoted.map((citation) => citation.clause)).toEqual([]);
  });

  it('checks a quote the current edition keeps from the seed against the 2019 text, and a changed one against today\'s', () => {
    const keptFromSeed = citationsOf(loadEdition('current')).find((citation) => citation.clause === 'FunctionName.form.name');
    const changed = citationsOf(loadEdition('current')).find((citation) => citation.clause === 'BatchSize.dynamodb');
    expect(keptFromSeed === undefined ? '' : documentOf('current', keptFromSeed)).toContain('Function name - MyFunction.');
    expect(changed === undefined ? '' : documentOf('current', changed)).toContain('Amazon DynamoDB Streams – Default 100. Max 10,000.');
    expect(documentOf('current', { clause: 'FunctionName.exists', doc: 'x', path: [] })).toContain('Function does not exist');
  });
});

const normalised = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The text a citation of an edition quotes: the document of the edition it is written in. A
 * citation an edition keeps unchanged from the edition it extends (same place, clause and sentence)
 * is that edition's, and quotes that edition's document.
 */
function documentOf(edition: string, citation: LocatedCitation): string {
  const { base, text } = editionFacts(edition);
  const inherited = base !== undefined && editionFacts(base).citations.has(keyOf(citation));
  return base !== undefined && inherited ? documentOf(base, citation) : text;
}

const keyOf = (citation: LocatedCitation) => JSON.stringify([citation.path, citation.clause, citation.doc]);
const facts = new Map<string, { base: string | undefined; text: string; citations: Set<string> }>();

/** An edition's document, the edition it extends, and its citations, read once. */
function editionFacts(edition: string): { base: string | undefined; text: string; citations: Set<string> } {
  const known = facts.get(edition);
  if (known !== undefined) return known;
  const spec = loadEdition(edition);
  const read = {
    base: /^extends: *([a-z][a-z0-9-]*)/m.exec(readFileSync(editionPath(edition), 'utf8'))?.[1],
    text: normalised(readFileSync(new URL(`../../specs/${spec.document}`, import.meta.url), 'utf8')),
    citations: new Set(citationsOf(spec).map(keyOf)),
  };
  facts.set(edition, read);
  return read;
}

describe('a broken spec', () => {
  it('reports a YAML syntax error at its line and column', () => {
    const text = replaceOnce(seedText, '  method: POST', '  method: [POST');
    const [problem] = problemsOf(text);
    expect(problem?.message).toMatch(/YAML syntax error/);
    expect(problem?.line).toBeGreaterThanOrEqual(positionOf(text, 'method: [POST').line);
    expect(problem?.line).toBeLessThanOrEqual(positionOf(text, 'method: [POST').line + 2);
  });

  it('reports a repeated key', () => {
    const text = replaceOnce(seedText, '  method: POST\n', '  method: POST\n  method: POST\n');
    const [problem] = problemsOf(text);
    expect(problem?.message).toMatch(/YAML syntax error/);
    expect(problem?.line).toBe(positionOf(text, 'method: POST').line + 1);
  });

  it('reports a value of the wrong type at the value', () => {
    const text = replaceOnce(seedText, '      minimum: 1\n      maximum: 10000\n      probes', '      minimum: one\n      maximum: 10000\n      probes');
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'broken.yaml', ...positionOf(text, 'one') });
    expect(problem?.message).toBe('request.BatchSize.range.minimum must be of type integer');
    expect(problem?.fix).toBe('write an integer there');
  });

  it('reports a misspelt key at the key, with how to fix it', () => {
    const text = replaceOnce(seedText, '        default: 10\n        maximum: 10\n', '        default: 10\n        maximun: 10\n');
    const problems = problemsOf(text);
    const unknown = problems.find((problem) => problem.message.includes('unknown key'));
    expect(unknown).toMatchObject(positionOf(text, 'maximun'));
    expect(unknown?.message).toBe('request.BatchSize.perSourceType.sqs has an unknown key "maximun"');
    expect(unknown?.fix).toMatch(/remove it or correct its spelling/);
  });

  it('reports a rule without its documentation sentence at the rule', () => {
    const text = replaceOnce(seedText, '    doc: "Required for Amazon Kinesis and Amazon DynamoDB Streams sources."\n    kind:', '    kind:');
    const [problem] = problemsOf(text);
    expect(problem?.message).toBe('rules.0 is missing "doc"');
    expect(problem).toMatchObject(positionOf(text, 'clause: StartingPosition.required-for-streams'));
  });

  it('reports a regular expression that does not compile', () => {
    const text = replaceOnce(seedText, `regex: '(arn:(aws[a-zA-Z-]*)?:lambda:)?`, `regex: '((arn:(aws[a-zA-Z-]*)?:lambda:)?`);
    const [problem] = problemsOf(text);
    expect(problem?.message).toBe('request.FunctionName.pattern.regex is not a valid regex');
    expect(problem).toMatchObject(positionOf(text, `'((arn`));
  });

  it('reports a clause id used twice at its second use', () => {
    const text = replaceOnce(seedText, 'clause: Enabled.type', 'clause: BatchSize.type');
    const [problem] = problemsOf(text);
    expect(problem?.message).toMatch(/^clause id "BatchSize.type" is already used at line \d+$/);
    expect(problem).toMatchObject(positionOf(text, 'BatchSize.type', 'Enabled:'));
  });

  it('reports a rule about a field the request does not have', () => {
    const text = replaceOnce(seedText, '    kind: required-for-source-types\n    field: StartingPosition', '    kind: required-for-source-types\n    field: StartPosition');
    const [problem] = problemsOf(text);
    expect(problem?.message).toBe('"StartPosition" is not a request field');
    expect(problem).toMatchObject(positionOf(text, 'StartPosition\n'));
  });

  it('reports a source maximum above the documented range', () => {
    const text = replaceOnce(seedText, 'default: 100\n        maximum: 1000\n', 'default: 100\n        maximum: 20000\n');
    const [problem] = problemsOf(text);
    expect(problem?.message).toBe('the dynamodb maximum 20000 exceeds the field\'s range maximum 10000');
    expect(problem).toMatchObject(positionOf(text, '20000'));
  });

  it('reports a rule that names an outcome the spec does not have, at the name', () => {
    const text = replaceOnce(seedText, '      minimum: 0\n      maximum: 300\n', '      minimum: 0\n      maximum: 300\n      outcome: validationErorr\n');
    const [problem] = problemsOf(text);
    expect(problem?.message).toBe('"validationErorr" is not an entry of outcomes');
    expect(problem?.fix).toMatch(/^use one of: typeViolation, constraintViolation, ruleViolation, functionNotFound, sourceNotFound, duplicateMapping, or add it under outcomes$/);
    expect(problem).toMatchObject(positionOf(text, 'validationErorr'));
  });

  it('reports a rule that leaves a question open without saying which', () => {
    const text = replaceOnce(seedText, 'elsewhere: startingPositionOnQueue', 'elsewhere: startingPositionOnAQueue');
    const [problem] = problemsOf(text);
    expect(problem?.message).toBe('"startingPositionOnAQueue" is not an entry of unspecified');
    expect(problem).toMatchObject(positionOf(text, 'startingPositionOnAQueue'));
  });

  it('reports a request without a field that names the function', () => {
    const text = replaceOnce(seedText, '    names: function\n', '');
    const [problem] = problemsOf(text);
    expect(problem?.message).toBe('no request fields have "names: function"');
  });

  it('formats every problem as file:line:column with a fix, never a stack', () => {
    const text = replaceOnce(seedText, 'edition: seed', 'edition: Seed!');
    expect(() => parseSpec('specs/x.yaml', text)).toThrow(/^The spec has a problem:\nspecs\/x\.yaml:9:10: edition does not have the expected form\n {2}fix: /);
  });

  it('says which file cannot be read', () => {
    expect(() => loadSpecFile('/nonexistent/spec.yaml')).toThrow(/spec\.yaml: the file does not exist/);
  });

  it('names the editions there are when asked for one that is not', () => {
    expect(() => loadEdition('tomorrow')).toThrow(/there is no edition "tomorrow"\n {2}fix: choose one of: current, seed/);
  });
});
