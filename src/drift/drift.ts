// What AWS's service model says of CreateEventSourceMapping that an edition does not (pure): new
// and vanished members of the input and output, facets that differ, errors the edition never
// expects, and, in document-drift.ts, the documentation changed since the edition's document was
// extracted. A facet only the edition has is not drift: an edition may narrow what the model leaves
// open, from the documentation's prose or a recorded answer (the response's State values).
import { OPERATION } from '../model/api-reference.ts';
import { operationOf, structureMembers, type Facets, type ModelMember, type ServiceModel } from '../model/service-model.ts';
import type { FieldKind, RequestField, ResponseField, Spec } from '../spec/types.ts';
import { documentDrift, type EditionDocument } from './document-drift.ts';

export type DriftKind = 'new-member' | 'gone-member' | 'type' | 'range' | 'length' | 'pattern' | 'enum' | 'required' | 'error' | 'error-status' | 'out-of-scope' | 'documentation';

/** One difference: where it is, what the model and the edition each say, and what a maintainer does about it. */
export interface Drift {
  readonly kind: DriftKind;
  /** `request BatchSize`, `response State`, `errors ServiceException`, `outOfScope Topics`, `document Request members › BatchSize`. */
  readonly where: string;
  readonly model: string | null;
  readonly edition: string | null;
  readonly says: string;
  readonly todo: string;
}

export interface DriftInput {
  readonly spec: Spec;
  /** The edition's file, as the maintainer opens it. */
  readonly specFile: string;
  readonly model: ServiceModel;
  /** The edition's document, when it was extracted from a model; null for one written otherwise (the seed's 2019 text). */
  readonly document: EditionDocument | null;
}

export function driftOf({ spec, specFile, model, document }: DriftInput): Drift[] {
  const operation = operationOf(model, OPERATION);
  const input = structureMembers(model, operation.input, `${OPERATION}'s input`);
  const output = structureMembers(model, operation.output, `${OPERATION}'s output`);
  const outOfScope = spec.outOfScope ?? {};
  /** The values a member may take: its own enumeration, or its items' for a list. */
  const valuesOf = (member: ModelMember): readonly string[] | undefined => (member.facets.type === 'list' ? itemFacets(model, member)?.enum : member.facets.enum);
  const members = <Field>(
    side: 'request' | 'response',
    modelMembers: readonly ModelMember[],
    fields: Readonly<Record<string, Field>>,
    facetsDrift: (member: ModelMember, field: Field, values: readonly string[] | undefined, specFile: string) => Drift[],
  ): Drift[] => [
    ...modelMembers.flatMap((member) => {
      const field = fields[member.name];
      if (field !== undefined) return facetsDrift(member, field, valuesOf(member), specFile);
      return Object.hasOwn(outOfScope, member.name) ? [] : [newMember(side, member, specFile)];
    }),
    ...Object.keys(fields)
      .filter((name) => !modelMembers.some((member) => member.name === name))
      .map((name) => goneMember(side, name, specFile)),
  ];
  return [
    ...members('request', input, spec.request, requestFacetDrift),
    ...members('response', output, spec.response.fields, responseFacetDrift),
    ...errorDrift(spec, operation.errors, model, specFile),
    ...outOfScopeDrift(spec, [...input, ...output], specFile),
    ...(document === null ? [] : documentDrift(spec, model, document)),
  ];
}

function itemFacets(model: ServiceModel, list: ModelMember): Facets | undefined {
  const item = model.shapes.get(list.target)?.item;
  return item === null || item === undefined ? undefined : model.shapes.get(item)?.facets;
}

/** The spec's word for a model type. */
function kindOf(facets: Facets): FieldKind | string {
  const kinds: Readonly<Record<string, FieldKind>> = { structure: 'object', map: 'object', list: 'list', string: 'string', integer: 'integer', long: 'integer', boolean: 'boolean', timestamp: 'timestamp' };
  return kinds[facets.type] ?? facets.type;
}

function boundsWords(minimum: number | undefined, maximum: number | undefined): string {
  return `${minimum ?? '…'} to ${maximum ?? '…'}`;
}

/** The model's type and facets in a few words: "integer, 1 to 10000", "string, pattern …". */
function facetWords(facets: Facets): string {
  const words = [kindOf(facets)];
  if (facets.min !== undefined || facets.max !== undefined) words.push(boundsWords(facets.min, facets.max));
  if (facets.enum !== undefined) words.push(`one of ${facets.enum.join(', ')}`);
  if (facets.pattern !== undefined) words.push(`pattern ${facets.pattern}`);
  return words.join(', ');
}

function newMember(side: 'request' | 'response', member: ModelMember, specFile: string): Drift {
  const section = side === 'request' ? 'request:' : 'response: fields:';
  return {
    kind: 'new-member',
    where: `${side} ${member.name}`,
    model: facetWords(member.facets),
    edition: null,
    says: `the model has it (${facetWords(member.facets)}), the edition does not mention it`,
    todo: `add it under ${section} in ${specFile} with the sentence that documents it, or under outOfScope: with why the edition leaves it out`,
  };
}

function goneMember(side: 'request' | 'response', name: string, specFile: string): Drift {
  return {
    kind: 'gone-member',
    where: `${side} ${name}`,
    model: null,
    edition: 'present',
    says: 'the edition has it, the model no longer does',
    todo: `remove it from ${side === 'request' ? 'request:' : 'response: fields:'} in ${specFile} (null in an edition that extends another), unless a recorded answer shows AWS still takes it`,
  };
}

function facetDrift(kind: DriftKind, where: string, model: string, edition: string | null, todo: string): Drift {
  return { kind, where, model, edition, says: `${kind} ${model} in the model, ${edition ?? 'none'} in the edition`, todo };
}

/** Both lists hold the same values, whatever their order. */
function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

function enumDrift(where: string, modelValues: readonly string[] | undefined, editionValues: readonly string[] | undefined, todo: string): Drift[] {
  if (modelValues === undefined || (editionValues !== undefined && sameValues(modelValues, editionValues))) return [];
  const added = modelValues.filter((value) => editionValues?.includes(value) !== true);
  const removed = (editionValues ?? []).filter((value) => !modelValues.includes(value));
  const change = [added.length > 0 ? `the model adds ${added.join(', ')}` : '', removed.length > 0 ? `no longer has ${removed.join(', ')}` : ''].filter((part) => part !== '').join(' and ');
  return [{ ...facetDrift('enum', where, modelValues.join(' | '), editionValues?.join(' | ') ?? null, todo), says: `values: ${change}` }];
}

function boundsDrift(kind: 'range' | 'length', where: string, facets: Facets, edition: { readonly minimum: number; readonly maximum: number } | undefined, todo: string): Drift[] {
  if (facets.min === undefined && facets.max === undefined) return [];
  const differs = edition === undefined || (facets.min !== undefined && facets.min !== edition.minimum) || (facets.max !== undefined && facets.max !== edition.maximum);
  return differs ? [facetDrift(kind, where, boundsWords(facets.min, facets.max), edition === undefined ? null : boundsWords(edition.minimum, edition.maximum), todo)] : [];
}

function patternDrift(where: string, modelPattern: string | undefined, editionPattern: string | undefined, todo: string): Drift[] {
  return modelPattern === undefined || modelPattern === editionPattern ? [] : [facetDrift('pattern', where, modelPattern, editionPattern ?? null, todo)];
}

function typeDrift(where: string, facets: Facets, editionKind: FieldKind, todo: string): Drift[] {
  return kindOf(facets) === editionKind ? [] : [facetDrift('type', where, kindOf(facets), editionKind, todo)];
}

function requestFacetDrift(member: ModelMember, field: RequestField, itemValues: readonly string[] | undefined, specFile: string): Drift[] {
  const where = `request ${member.name}`;
  const todo = (facet: string): string => `check request: ${member.name}: ${facet} in ${specFile} against today's API reference and a recorded answer, then re-extract the document`;
  const { facets } = member;
  // Of a member whose type changed, the facets say nothing more.
  const retyped = typeDrift(where, facets, field.type.is, todo('type'));
  if (retyped.length > 0) return retyped;
  const bounded = facets.type === 'integer' || facets.type === 'long' ? boundsDrift('range', where, facets, field.range, todo('range')) : boundsDrift('length', where, facets, field.length, todo('length'));
  return [
    ...bounded,
    ...patternDrift(where, facets.pattern, field.pattern?.regex, todo('pattern')),
    ...enumDrift(where, itemValues, field.values?.enum, todo('values')),
    ...(member.required && field.required === undefined
      ? [{ kind: 'required' as const, where, model: 'required', edition: null, says: 'the model requires it, the edition does not', todo: `add required: to request: ${member.name} in ${specFile}` }]
      : []),
  ];
}

function responseFacetDrift(member: ModelMember, field: ResponseField, itemValues: readonly string[] | undefined, specFile: string): Drift[] {
  const where = `response ${member.name}`;
  const todo = (facet: string): string => `check response: fields: ${member.name}: ${facet} in ${specFile} against today's API reference`;
  const { facets } = member;
  const isInteger = facets.type === 'integer' || facets.type === 'long';
  const editionBounds = field.minimum === undefined || field.maximum === undefined ? undefined : { minimum: field.minimum, maximum: field.maximum };
  const retyped = typeDrift(where, facets, field.is, todo('is'));
  if (retyped.length > 0) return retyped;
  return [
    ...(isInteger ? boundsDrift('range', where, facets, editionBounds, todo('minimum and maximum')) : []),
    ...patternDrift(where, facets.pattern, field.pattern, todo('pattern')),
    // A response field's enum holds its own value: the items of a list have no place in the edition.
    ...(facets.type === 'list' ? [] : enumDrift(where, itemValues, field.enum, todo('enum'))),
  ];
}

function errorDrift(spec: Spec, errors: readonly string[], model: ServiceModel, specFile: string): Drift[] {
  const accepted = new Set([...Object.values(spec.outcomes), ...Object.values(spec.unspecified)].flatMap((rule) => rule.accept.flatMap((outcome) => outcome.errorTypes ?? [])));
  return errors.flatMap((name): Drift[] => {
    const status = model.shapes.get(name)?.httpStatus ?? null;
    const listed = spec.errors[name];
    if (listed === undefined && !accepted.has(name)) {
      return [{ kind: 'error', where: `errors ${name}`, model: `HTTP ${status ?? '?'}`, edition: null, says: `the operation lists it (HTTP ${status ?? '?'}), the edition never expects it`, todo: `add it under errors: in ${specFile}, with the request that provokes it or notProvokable: and why none can` }];
    }
    if (listed !== undefined && status !== null && listed.status !== status) {
      return [facetDrift('error-status', `errors ${name}`, `HTTP ${status}`, `HTTP ${listed.status}`, `check errors: ${name}: status in ${specFile}`)];
    }
    return [];
  });
}

function outOfScopeDrift(spec: Spec, members: readonly ModelMember[], specFile: string): Drift[] {
  return Object.keys(spec.outOfScope ?? {}).flatMap((name): Drift[] => {
    const where = `outOfScope ${name}`;
    if (!members.some((member) => member.name === name)) {
      return [{ kind: 'out-of-scope', where, model: null, edition: 'out of scope', says: 'listed as out of scope, but the model no longer has it', todo: `remove it from outOfScope: in ${specFile}` }];
    }
    if (Object.hasOwn(spec.request, name) || Object.hasOwn(spec.response.fields, name)) {
      return [{ kind: 'out-of-scope', where, model: 'present', edition: 'out of scope and a field', says: 'listed as out of scope, yet the edition has it as a field', todo: `remove it from outOfScope: in ${specFile}, or the field` }];
    }
    return [];
  });
}
