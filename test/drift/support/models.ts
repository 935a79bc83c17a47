// Service models made in a test: one in botocore's form that agrees with an edition (so that each
// test changes one thing and sees only that reported), the same in the Smithy JSON AST form, and
// where this machine's botocore keeps Lambda's.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RequestField, ResponseField, Spec } from '../../../src/spec/types.ts';
import type { OutsidePart } from '../../support/outside-part.ts';

export type Json = Record<string, unknown>;
export interface BotocoreJson {
  readonly metadata: Json;
  readonly operations: Record<string, Json>;
  readonly shapes: Record<string, Json>;
}

/** Where this machine's botocore keeps Lambda's model, and its version; `missing` says why not. */
export function botocoreModel(): OutsidePart & { readonly file: string; readonly version: string } {
  const probe = spawnSync('python3', ['-c', 'import botocore, os; print(botocore.__version__); print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8', timeout: 20_000 });
  const [version = '', directory = ''] = probe.status === 0 ? probe.stdout.trim().split('\n') : [];
  const file = path.join(directory, 'data', 'lambda', '2015-03-31', 'service-2.json.gz');
  const missing = probe.status !== 0 ? `python3 cannot import botocore (${probe.error?.message ?? probe.stderr.trim().split('\n').at(-1) ?? ''})` : existsSync(file) ? null : `${file} does not exist`;
  return { what: "botocore's model of Lambda (data/lambda/2015-03-31/service-2.json.gz)", missing, enable: 'pip install botocore', file, version };
}

function requestShape(field: RequestField, itemShape: string): Json {
  const bounds = field.range ?? field.length;
  const limits = bounds === undefined ? {} : { min: bounds.minimum, max: bounds.maximum };
  switch (field.type.is) {
    case 'integer':
      return { type: 'integer', ...limits };
    case 'list':
      return { type: 'list', member: { shape: itemShape }, ...limits };
    case 'object':
      return { type: 'structure', members: {} };
    case 'string':
      return { type: 'string', ...limits, ...(field.pattern && { pattern: field.pattern.regex }), ...(field.values && { enum: [...field.values.enum] }) };
    default:
      return { type: field.type.is };
  }
}

function responseShape(field: ResponseField): Json {
  const kinds: Readonly<Record<string, string>> = { object: 'structure', list: 'list' };
  return {
    type: kinds[field.is] ?? field.is,
    ...(field.is === 'object' && { members: {} }),
    ...(field.is === 'list' && { member: { shape: 'ResponseItem' } }),
    ...(field.minimum !== undefined && { min: field.minimum }),
    ...(field.maximum !== undefined && { max: field.maximum }),
    ...(field.pattern !== undefined && { pattern: field.pattern }),
    ...(field.enum !== undefined && { enum: [...field.enum] }),
  };
}

/** A botocore model of CreateEventSourceMapping that says what the edition says, and has the members it leaves out. */
export function botocoreModelOf(spec: Spec): BotocoreJson {
  const shapes: Record<string, Json> = { ResponseItem: { type: 'string' } };
  const input: Record<string, Json> = {};
  for (const [name, field] of Object.entries(spec.request)) {
    shapes[`Request${name}`] = requestShape(field, `Request${name}Item`);
    if (field.type.is === 'list') shapes[`Request${name}Item`] = { type: 'string', ...(field.values && { enum: [...field.values.enum] }) };
    input[name] = { shape: `Request${name}`, documentation: `<p>${name} in the request.</p>` };
  }
  const output: Record<string, Json> = {};
  for (const [name, field] of Object.entries(spec.response.fields)) {
    shapes[`Response${name}`] = responseShape(field);
    output[name] = { shape: `Response${name}`, documentation: `<p>${name} in the answer.</p>` };
  }
  for (const name of Object.keys(spec.outOfScope ?? {})) {
    shapes[`OutOfScope${name}`] = { type: 'structure', members: {} };
    input[name] = { shape: `OutOfScope${name}` };
  }
  for (const [name, error] of Object.entries(spec.errors)) shapes[name] = { type: 'structure', members: {}, error: { httpStatusCode: error.status }, exception: true, documentation: `<p>${name}.</p>` };
  const required = Object.entries(spec.request).filter(([, field]) => field.required !== undefined).map(([name]) => name);
  shapes['CreateEventSourceMappingRequest'] = { type: 'structure', required, members: input };
  shapes['EventSourceMappingConfiguration'] = { type: 'structure', members: output };
  return {
    metadata: { apiVersion: '2015-03-31', protocol: 'rest-json' },
    operations: {
      CreateEventSourceMapping: {
        name: 'CreateEventSourceMapping',
        http: { method: spec.operation.method, requestUri: spec.operation.path, responseCode: spec.response.status.code },
        input: { shape: 'CreateEventSourceMappingRequest' },
        output: { shape: 'EventSourceMappingConfiguration' },
        errors: Object.keys(spec.errors).map((shape) => ({ shape })),
        documentation: '<p>Creates a mapping.</p>',
      },
    },
    shapes,
  };
}

const NAMESPACE = 'com.amazonaws.lambda';
const SMITHY_TYPE: Readonly<Record<string, string>> = { integer: 'smithy.api#Integer', string: 'smithy.api#String' };

/** The same model as AWS publishes it in the Smithy JSON AST (Smithy 2.0: enums are enum shapes, constraints traits). */
export function smithyOf(model: BotocoreJson): Json {
  const id = (name: string): string => `${NAMESPACE}#${name}`;
  const documented = (documentation: unknown): Json => (typeof documentation === 'string' ? { 'smithy.api#documentation': documentation } : {});
  const shapes: Record<string, Json> = { [id('AWSGirApiService')]: { type: 'service', version: model.metadata['apiVersion'] } };
  for (const [name, shape] of Object.entries(model.shapes)) {
    const bounds = shape['min'] === undefined && shape['max'] === undefined ? {} : { [shape['type'] === 'integer' || shape['type'] === 'long' ? 'smithy.api#range' : 'smithy.api#length']: { min: shape['min'], max: shape['max'] } };
    const traits: Json = {
      ...documented(shape['documentation']),
      ...bounds,
      ...(shape['pattern'] !== undefined && { 'smithy.api#pattern': shape['pattern'] }),
      ...(shape['error'] !== undefined && { 'smithy.api#error': 'client', 'smithy.api#httpError': (shape['error'] as Json)['httpStatusCode'] }),
    };
    const required = new Set((shape['required'] as string[] | undefined) ?? []);
    const members = (shape['members'] ?? {}) as Record<string, Json>;
    const enumValues = shape['enum'] as string[] | undefined;
    shapes[id(name)] = {
      type: enumValues === undefined ? shape['type'] : 'enum',
      ...(enumValues !== undefined && { members: Object.fromEntries(enumValues.map((value) => [value.replace(/\W/g, '_'), { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': value } }])) }),
      ...(shape['type'] === 'structure' && {
        members: Object.fromEntries(
          Object.entries(members).map(([member, ref]) => [member, { target: id(String(ref['shape'])), traits: { ...documented(ref['documentation']), ...(required.has(member) && { 'smithy.api#required': {} }) } }]),
        ),
      }),
      ...(shape['member'] !== undefined && { member: { target: id(String((shape['member'] as Json)['shape'])) } }),
      ...(shape['key'] !== undefined && { key: { target: SMITHY_TYPE['string'] }, value: { target: id(String((shape['value'] as Json)['shape'])) } }),
      traits,
    };
  }
  for (const [name, operation] of Object.entries(model.operations)) {
    const http = operation['http'] as Json;
    const ref = (key: string): Json => ({ target: id(String((operation[key] as Json)['shape'])) });
    shapes[id(name)] = {
      type: 'operation',
      ...(operation['input'] !== undefined && { input: ref('input') }),
      ...(operation['output'] !== undefined && { output: ref('output') }),
      errors: ((operation['errors'] ?? []) as Json[]).map((error) => ({ target: id(String(error['shape'])) })),
      traits: { ...documented(operation['documentation']), 'smithy.api#http': { method: http['method'], uri: http['requestUri'], code: http['responseCode'] } },
    };
  }
  return { smithy: '2.0', shapes };
}
