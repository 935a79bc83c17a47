import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { driftOf, type Drift } from '../../src/drift/drift.ts';
import { referenceBlocks } from '../../src/drift/document-drift.ts';
import { RECORDED_HEADING, referenceDocument, referenceSections } from '../../src/model/api-reference.ts';
import { serviceModelOf } from '../../src/model/read-model.ts';
import type { ServiceModel } from '../../src/model/service-model.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { requirePart, skippedWithout } from '../support/outside-part.ts';
import { specProblems } from '../support/spec-problems.ts';
import { botocoreModel, botocoreModelOf, smithyOf, type BotocoreJson, type Json } from './support/models.ts';

const current = loadEdition('current');
const specFile = 'specs/create-event-source-mapping.current.yaml';

function driftWith(change: (model: BotocoreJson) => void, document: { file: string; text: string } | null = null): Drift[] {
  const json = structuredClone(botocoreModelOf(current));
  change(json);
  return driftOf({ spec: current, specFile, model: serviceModelOf(json), document });
}

const shape = (model: BotocoreJson, name: string): Json => {
  const found = model.shapes[name];
  if (found === undefined) throw new Error(`no shape ${name}`);
  return found;
};
const members = (model: BotocoreJson, structure: string): Record<string, Json> => shape(model, structure)['members'] as Record<string, Json>;
const errorsOf = (model: BotocoreJson): Json[] => model.operations['CreateEventSourceMapping']?.['errors'] as Json[];

describe('drift: an edition against a service model', () => {
  it('reports nothing against a model that says what the edition says, in botocore form and in the Smithy JSON AST', () => {
    expect(driftWith(() => undefined)).toEqual([]);
    expect(driftOf({ spec: current, specFile, model: serviceModelOf(smithyOf(botocoreModelOf(current))), document: null })).toEqual([]);
  });

  it.each<[string, (model: BotocoreJson) => void, Partial<Drift>]>([
    ['a range changed', (model) => void (shape(model, 'RequestBatchSize')['max'] = 5000), { kind: 'range', where: 'request BatchSize', model: '1 to 5000', edition: '1 to 10000' }],
    ['a length changed', (model) => void (shape(model, 'RequestFunctionName')['max'] = 140), { kind: 'length', where: 'request FunctionName', model: '1 to 140', edition: '1 to 256' }],
    ['a member added', (model) => void (members(model, 'CreateEventSourceMappingRequest')['PollerCount'] = { shape: 'RequestBatchSize' }), { kind: 'new-member', where: 'request PollerCount', model: 'integer, 1 to 10000' }],
    ['an enum value added', (model) => void (shape(model, 'RequestStartingPosition')['enum'] = ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP', 'AT_SEQUENCE']), { kind: 'enum', where: 'request StartingPosition', says: 'values: the model adds AT_SEQUENCE' }],
    ['an enum value of a list item removed', (model) => void (shape(model, 'RequestFunctionResponseTypesItem')['enum'] = ['Other']), { kind: 'enum', says: 'values: the model adds Other and no longer has ReportBatchItemFailures' }],
    ['a member removed', (model) => void delete members(model, 'CreateEventSourceMappingRequest')['TumblingWindowInSeconds'], { kind: 'gone-member', where: 'request TumblingWindowInSeconds' }],
    ['a member removed from the answer', (model) => void delete members(model, 'EventSourceMappingConfiguration')['UUID'], { kind: 'gone-member', where: 'response UUID' }],
    ['a pattern changed in the answer', (model) => void (shape(model, 'ResponseFunctionArn')['pattern'] = 'arn:.*'), { kind: 'pattern', where: 'response FunctionArn', model: 'arn:.*' }],
    ['a type changed', (model) => void (shape(model, 'RequestBatchSize')['type'] = 'string'), { kind: 'type', where: 'request BatchSize', model: 'string', edition: 'integer' }],
    ['a member made required', (model) => void (shape(model, 'CreateEventSourceMappingRequest')['required'] = ['FunctionName', 'EventSourceArn', 'Enabled']), { kind: 'required', where: 'request Enabled' }],
    [
      'an error shape added',
      (model) => {
        model.shapes['ResourceInUseException'] = { type: 'structure', members: {}, error: { httpStatusCode: 400 } };
        errorsOf(model).push({ shape: 'ResourceInUseException' });
      },
      { kind: 'error', where: 'errors ResourceInUseException', model: 'HTTP 400' },
    ],
    ['an error status changed', (model) => void (shape(model, 'ResourceConflictException')['error'] = { httpStatusCode: 400 }), { kind: 'error-status', model: 'HTTP 400', edition: 'HTTP 409' }],
    ['a member out of scope gone', (model) => void delete members(model, 'CreateEventSourceMappingRequest')['Topics'], { kind: 'out-of-scope', where: 'outOfScope Topics' }],
  ])('reports %s, and only that', (_title, change, expected) => {
    const drifts = driftWith(change);
    expect(drifts).toHaveLength(1);
    expect(drifts[0]).toMatchObject(expected);
  });

  it('reports a member it lists as out of scope only when the edition has it as a field too', () => {
    const both = { ...current, outOfScope: { ...current.outOfScope, BatchSize: 'a test' } };
    const drifts = driftOf({ spec: both, specFile, model: serviceModelOf(botocoreModelOf(current)), document: null });
    expect(drifts.map(({ kind, where }) => `${kind} ${where}`)).toEqual(['out-of-scope outOfScope BatchSize']);
  });

  it("refuses an outOfScope: entry without a reason, at its line, or not named as a member is", () => {
    const problems = specProblems('extends: seed\nedition: later\noutOfScope:\n  Topics: ""\n  kafka-topics: Kafka only\n', 'later.yaml');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, column: 11, message: 'outOfScope.Topics must NOT have fewer than 1 characters' }),
        expect.objectContaining({ fix: 'write a value matching /^[A-Z][A-Za-z0-9]*$/' }),
      ]),
    );
  });

  it('reports a documentation string changed since the document was extracted, naming the clauses that quote what changed', () => {
    const quoted = 'Amazon DynamoDB Streams – Default 100. Max 10,000.';
    const withQuote = (model: BotocoreJson): void => void ((members(model, 'CreateEventSourceMappingRequest')['BatchSize'] ?? {})['documentation'] = `<p>${quoted}</p>`);
    const extracted = structuredClone(botocoreModelOf(current));
    withQuote(extracted);
    const document = { file: 'doc.txt', text: referenceDocument(serviceModelOf(extracted), 'a test', '') };
    expect(driftWith(withQuote, document)).toEqual([]);
    const drifts = driftWith((model) => {
      withQuote(model);
      (members(model, 'CreateEventSourceMappingRequest')['BatchSize'] ?? {})['documentation'] = '<p>Amazon DynamoDB Streams – Default 100. Max 5,000.</p>';
      shape(model, 'ServiceException')['documentation'] = '<p>Something else.</p>';
    }, document);
    expect(drifts.map((drift) => drift.where)).toEqual(['document Request members › BatchSize', 'document Errors › ServiceException']);
    expect(drifts[0]?.says).toBe('changed since the document was extracted: "…DynamoDB Streams – Default 100. Max 10,000." is now "…DynamoDB Streams – Default 100. Max 5,000."');
    expect(drifts[0]?.todo).toBe(`re-extract doc.txt (npx tsx scripts/extract-current-documentation.ts), then check the clauses that quote what changed: BatchSize.dynamodb`);
  });

  it('reads a document as blocks: a section, then each line that starts a member, a shape or an error with the lines under it', () => {
    const blocks = referenceBlocks(['header', '== Errors (source A) ==', 'Errors: A, B', 'FooException (HTTP 400): x', '', '== Request members (source A) ==', 'Foo', '  doc', '  Type: String', 'Bar: shape doc', '  Baz', '    Type: Integer'].join('\n'));
    expect([...blocks]).toEqual([
      ['Errors › Errors', ['Errors: A, B']],
      ['Errors › FooException', ['FooException (HTTP 400): x']],
      ['Request members › Foo', ['Foo', '  doc', '  Type: String']],
      ['Request members › Bar', ['Bar: shape doc', '  Baz', '    Type: Integer']],
    ]);
  });
});

describe('drift: the service model on this machine', () => {
  const botocore = botocoreModel();
  describe.skipIf(skippedWithout("drift's tests on botocore's model", botocore))('botocore', () => {
    const read = (): { json: BotocoreJson; model: ServiceModel } => {
      requirePart(botocore);
      const json = JSON.parse(gunzipSync(readFileSync(botocore.file)).toString('utf8')) as BotocoreJson;
      return { json, model: serviceModelOf(json) };
    };

    it('is read the same from the Smithy JSON AST as from botocore', () => {
      const { json, model } = read();
      expect({ ...serviceModelOf(smithyOf(json)), format: 'botocore' }).toEqual(model);
    });

    it("gives the document's API reference line for line: the document was extracted from it", () => {
      const { model } = read();
      const document = readFileSync(new URL('../../specs/documents/aws-lambda-create-event-source-mapping-current.txt', import.meta.url), 'utf8');
      expect(document.slice(0, document.indexOf(RECORDED_HEADING))).toContain(`${referenceSections(model).join('\n')}\n\n`);
    });

    // The current edition is brought up to date with botocore 1.43's model: a newer botocore that
    // changes the operation fails this test, naming what changed, as the nightly's drift step would.
    it('finds nothing: the current edition says what the model on this machine says', () => {
      const { model } = read();
      const document = { file: 'current.txt', text: readFileSync(new URL('../../specs/documents/aws-lambda-create-event-source-mapping-current.txt', import.meta.url), 'utf8') };
      expect(driftOf({ spec: current, specFile, model, document }).map(({ kind, where }) => `${kind} ${where}`)).toEqual([]);
    });
  });
});
