import { describe, expect, it } from 'vitest';
import { renderJunit } from './support/render.ts';
import { caseResult, HOSTILE, judgedReport, response, runReport, sampleReport } from './support/build-report.ts';
import { attributeOf, descendants, parseXml, textOf, type XmlElement } from './support/xml.ts';

function testcaseNamed(root: XmlElement, id: string): XmlElement {
  const found = descendants(root, 'testcase').find((testcase) => attributeOf(testcase, 'name') === id);
  if (found === undefined) throw new Error(`no testcase for ${id}`);
  return found;
}

function titleOf(testcase: XmlElement): string | undefined {
  const title = descendants(testcase, 'property').find((property) => attributeOf(property, 'name') === 'title');
  return title === undefined ? undefined : attributeOf(title, 'value');
}

describe('renderJunit', () => {
  it('is well-formed XML 1.0 even with hostile, control and unicode characters', () => {
    const xml = renderJunit(sampleReport());
    expect(() => parseXml(xml)).not.toThrow();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
  });

  it('counts tests, failures, errors and skips on testsuites and testsuite, with time in seconds', () => {
    const root = parseXml(renderJunit(sampleReport()));
    const [suite] = descendants(root, 'testsuite');
    expect(descendants(root, 'testsuite')).toHaveLength(1);
    for (const element of [root, suite!]) {
      expect(attributeOf(element, 'tests')).toBe('6');
      expect(attributeOf(element, 'failures')).toBe('2');
      expect(attributeOf(element, 'errors')).toBe('1');
      expect(attributeOf(element, 'skipped')).toBe('1');
      expect(attributeOf(element, 'time')).toBe('4.321');
      expect(attributeOf(element, 'timestamp')).toBe('2024-05-01T10:00:00.000Z');
    }
    expect(attributeOf(root, 'name')).toBe('lambda-esm-conformance');
    expect(attributeOf(suite!, 'name')).toBe('lambda-esm-conformance seed');
    expect(descendants(suite!, 'testcase')).toHaveLength(6);
    expect(descendants(suite!, 'failure')).toHaveLength(2);
    expect(descendants(suite!, 'error')).toHaveLength(1);
    expect(descendants(suite!, 'skipped')).toHaveLength(1);
  });

  it('names each testcase by its id alone, the title a property, with the clause as its class and its own time', () => {
    const root = parseXml(renderJunit(sampleReport()));
    const testcase = testcaseNamed(root, 'BatchSize/kinesis/0');
    expect(attributeOf(testcase, 'classname')).toBe('BatchSize.range');
    expect(attributeOf(testcase, 'name')).toBe('BatchSize/kinesis/0');
    expect(titleOf(testcase)).toBe('BatchSize 0 is refused for Kinesis');
    expect(attributeOf(testcase, 'time')).toBe('0.012');
    expect(testcase.children.filter((child) => typeof child !== 'string')).toEqual([expect.objectContaining({ name: 'properties' }), expect.objectContaining({ name: 'failure' })]);
    expect(descendants(testcaseNamed(root, 'BatchSize/sqs/0'), 'failure')).toEqual([]);
  });

  it('keeps a testcase name when its title is reworded, so that CI history follows the case', () => {
    const reworded = sampleReport().cases.map((result) => ({ ...result, title: `${result.title}, reworded` }));
    const names = (xml: string): string[] => descendants(parseXml(xml), 'testcase').map((testcase) => attributeOf(testcase, 'name'));
    expect(names(renderJunit(runReport(reworded)))).toEqual(names(renderJunit(sampleReport())));
    expect(names(renderJunit(sampleReport()))).toEqual(sampleReport().cases.map((result) => result.id));
  });

  it('gives a failure the first reason as message, its check as type, and every reason with the request and response as text', () => {
    const root = parseXml(renderJunit(sampleReport()));
    const [failure] = descendants(testcaseNamed(root, 'BatchSize/kinesis/0'), 'failure');
    expect(attributeOf(failure!, 'message')).toBe('expected 400, got 202');
    expect(attributeOf(failure!, 'type')).toBe('status_code_conformance');
    const text = textOf(failure!);
    expect(text).toContain('status_code_conformance [BatchSize.range]: expected 400, got 202');
    expect(text).toContain('error_type_conformance [Errors.InvalidParameterValueException]: expected InvalidParameterValueException, got no error');
    expect(text).toContain('Expected: 400 InvalidParameterValueException. BatchSize has a minimum of 1.');
    expect(text).toContain('POST http://127.0.0.1:4566/2015-03-31/event-source-mappings/');
    // The request body pretty-printed, and the response after its retries.
    expect(text).toContain('{\n  "FunctionName": "conformance-fn",\n  "BatchSize": 0\n}');
    expect(text).toContain('Response (after 3 attempts):\nHTTP 202');
    expect(text).toContain('"State": "Creating"');
  });

  it('masks credentials that reached it', () => {
    const xml = renderJunit(sampleReport());
    expect(xml).not.toMatch(/AKIDCANARY|CANARYTOKEN|CANARYCOOKIE/);
    const [failure] = descendants(testcaseNamed(parseXml(xml), 'BatchSize/kinesis/0'), 'failure');
    expect(textOf(failure!)).toContain('Authorization: [REDACTED]');
  });

  it('marks a case that could not be judged as an error, with no answer said so', () => {
    const root = parseXml(renderJunit(sampleReport()));
    const [error] = descendants(testcaseNamed(root, 'Transport/sqs/timeout'), 'error');
    expect(attributeOf(error!, 'message')).toBe('no answer: timed out after 10000 ms');
    expect(attributeOf(error!, 'type')).toBe('answer_received');
    expect(textOf(error!)).toContain('Response:\n(no answer)');
  });

  it('marks a skipped case with its reason', () => {
    const root = parseXml(renderJunit(sampleReport()));
    const [skipped] = descendants(testcaseNamed(root, 'FunctionName/none/missing'), 'skipped');
    expect(attributeOf(skipped!, 'message')).toBe('not run: the run was interrupted');
  });

  it('keeps hostile text as text: markup escaped, ]]> harmless, forbidden characters spelled out', () => {
    const xml = renderJunit(sampleReport());
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0000');
    const testcase = testcaseNamed(parseXml(xml), 'Hostile/dynamodb/1');
    expect(attributeOf(testcase, 'classname')).toBe('Hostile.<clause>');
    // U+2028 breaks lines where it is shown: spelled out, as every character that acts.
    expect(titleOf(testcase)).toBe(`Title with ${HOSTILE.quotes} and ${HOSTILE.unicode.replace('\u2028', '\\u2028')}`);
    const [failure] = descendants(testcase, 'failure');
    expect(attributeOf(failure!, 'message')).toBe(`message ${HOSTILE.script} ${HOSTILE.quotes} nul\\u0000bell\\u0007vt\\u000Bff\\u000Cesc\\u001B ${HOSTILE.cdataEnd}`);
    expect(textOf(failure!)).toContain(`<html>${HOSTILE.script}${HOSTILE.image} ${HOSTILE.cdataEnd}`);
    expect(textOf(failure!)).toContain('x-hostile: <script>');
  });

  it('keeps newlines and tabs in attributes through attribute normalisation, and spells out a carriage return', () => {
    const report = runReport([caseResult({ id: 'a', outcome: 'fail', reasons: [{ check: 'status_code_conformance', clause: 'k', message: 'line 1\n\tline 2\r' }] })]);
    const [failure] = descendants(parseXml(renderJunit(report)), 'failure');
    expect(attributeOf(failure!, 'message')).toBe('line 1\n\tline 2\\u000D');
  });

  it('carries target, edition, startedAt and, for an interrupted run, the interruption as properties', () => {
    const report = sampleReport({ complete: false, interruption: 'The run was interrupted before every case was judged.' });
    const root = parseXml(renderJunit(report));
    const properties = Object.fromEntries(descendants(root, 'property').map((property) => [attributeOf(property, 'name'), attributeOf(property, 'value')]));
    expect(properties).toMatchObject({
      target: 'http://127.0.0.1:4566',
      edition: 'seed',
      startedAt: '2024-05-01T10:00:00.000Z',
      complete: 'false',
      interruption: 'The run was interrupted before every case was judged.',
    });
    expect(textOf(descendants(root, 'system-err')[0]!)).toBe('The run was interrupted before every case was judged.');
  });

  it('carries what the requests cost as a property, when they were counted', () => {
    const requests = { apiCalls: 100, requests: 104, throttled: 4, retries: 4, limiterWaitMs: 2_500, backoffMs: 600, capRps: 12 };
    const propertiesOf = (report: ReturnType<typeof sampleReport>): Record<string, string> =>
      Object.fromEntries(descendants(parseXml(renderJunit(report)), 'property').map((property) => [attributeOf(property, 'name'), attributeOf(property, 'value')]));
    expect(propertiesOf(sampleReport({ requests }))['requests']).toBe(
      '100 API calls: 104 requests sent, 4 throttled (3.8 %), 4 retries; 2.5 s waiting in the rate limiter and 0.6 s backing off (summed over requests), at most 12 requests per second.',
    );
    expect(propertiesOf(sampleReport())).not.toHaveProperty('requests');
  });

  it('renders an empty run as a well-formed empty suite', () => {
    const root = parseXml(renderJunit(runReport([])));
    expect(attributeOf(root, 'tests')).toBe('0');
    expect(descendants(root, 'testcase')).toEqual([]);
  });
});

describe('renderJunit and findings', () => {
  it('names in each failure message the finding it belongs to, its id and headline first', () => {
    const wrong = (id: string) =>
      caseResult({ id, outcome: 'fail', response: response({ status: 201, headers: { 'content-type': 'application/json' }, body: {} }), reasons: [{ check: 'status_code_conformance', clause: 'BatchSize.range', message: 'expected 400 InvalidParameterValueException, got 201' }] });
    const root = parseXml(renderJunit(judgedReport([wrong('a'), wrong('b'), caseResult({ id: 'p' })])));
    const messages = descendants(root, 'failure').map((failure) => attributeOf(failure, 'message'));
    expect(messages).toEqual(
      ['a', 'b'].map(() => 'status-201-for-400-invalid-parameter-value: a request the documentation refuses with 400 InvalidParameterValueException was accepted with 201. expected 400 InvalidParameterValueException, got 201'),
    );
  });

  it('carries the target and the level as properties, not in a name', () => {
    const root = parseXml(renderJunit(judgedReport([caseResult({ id: 'p' })])));
    const properties = Object.fromEntries(descendants(root, 'property').map((property) => [attributeOf(property, 'name'), attributeOf(property, 'value')]));
    expect(properties['target']).toBe('http://127.0.0.1:4566');
    expect(properties['certification']).toBe('Level 3 (also field semantics: echoes, defaults, ARNs, State, headers).');
    for (const element of [...descendants(root, 'testsuite'), ...descendants(root, 'testcase')]) expect(attributeOf(element, 'name')).not.toContain('4566');
  });
});
