// The Smithy JSON AST (https://smithy.io/2.0/spec/json-ast.html), the form AWS publishes its
// models in: shapes keyed by absolute id (`com.amazonaws.lambda#Arn`), constraints and
// documentation as traits. Read into botocore's terms: a shape is named without its namespace, an
// enum is a string with its values, a union a structure.
import { arrayAt, definedOnly, isRecord, optionalNumber, optionalString, recordAt, stringAt, type JsonRecord } from './json-reading.ts';
import { ModelFormatError, type Facets, type ModelMember, type ModelOperation, type ModelShape, type ServiceModel } from './service-model.ts';

const TRAIT = 'smithy.api#';
/** Smithy's type names where botocore has another. */
const BOTOCORE_TYPE: Readonly<Record<string, string>> = { enum: 'string', intEnum: 'integer', union: 'structure', set: 'list' };

export function isSmithyModel(value: JsonRecord): boolean {
  return typeof value['smithy'] === 'string' && 'shapes' in value;
}

export function readSmithyModel(value: JsonRecord): ServiceModel {
  const records = recordAt(value['shapes'], 'shapes');
  const shapes = new Map<string, ModelShape>();
  const operations = new Map<string, ModelOperation>();
  let apiVersion: string | null = null;
  for (const [id, raw] of Object.entries(records)) {
    const where = `shapes["${id}"]`;
    const shape = recordAt(raw, where);
    const type = stringAt(shape['type'], `${where}.type`);
    if (type === 'service') apiVersion = optionalString(shape['version'], `${where}.version`) ?? apiVersion;
    else if (type === 'operation') operations.set(localName(id), operationOf(id, shape));
    else if (type !== 'resource') shapes.set(localName(id), shapeOf(id, shape, records));
  }
  if (apiVersion === null) throw new ModelFormatError('the model has no service shape with a version');
  return { format: 'smithy', apiVersion, shapes, operations };
}

/** `com.amazonaws.lambda#Arn` → `Arn`; a prelude shape (`smithy.api#String`) keeps its name too. */
function localName(id: string): string {
  return id.slice(id.indexOf('#') + 1);
}

function traitsOf(shape: JsonRecord, where: string): JsonRecord {
  return shape['traits'] === undefined ? {} : recordAt(shape['traits'], `${where}.traits`);
}

function documentationOf(traits: JsonRecord, where: string): string {
  return optionalString(traits[`${TRAIT}documentation`], `${where}.traits["${TRAIT}documentation"]`) ?? '';
}

/** The constraints traits put on a shape or a member: length and range both read as min and max. */
function constraintsOf(traits: JsonRecord, where: string): Omit<Facets, 'type'> {
  const bounds = traits[`${TRAIT}length`] ?? traits[`${TRAIT}range`];
  const limits = bounds === undefined ? {} : recordAt(bounds, `${where}.traits (length or range)`);
  return definedOnly({
    min: optionalNumber(limits['min'], `${where}.min`),
    max: optionalNumber(limits['max'], `${where}.max`),
    pattern: optionalString(traits[`${TRAIT}pattern`], `${where}.traits["${TRAIT}pattern"]`),
  });
}

function facetsOf(id: string, records: JsonRecord): Facets {
  const where = `shapes["${id}"]`;
  const raw = records[id];
  // The prelude's shapes (smithy.api#String, …) are not in a model's file: their type is their name.
  if (raw === undefined && id.startsWith(TRAIT)) return { type: preludeType(localName(id)) };
  if (raw === undefined) throw new ModelFormatError(`the shape ${id} is referred to, but the model does not have it`);
  const shape = recordAt(raw, where);
  const type = stringAt(shape['type'], `${where}.type`);
  const traits = traitsOf(shape, where);
  return definedOnly({ type: BOTOCORE_TYPE[type] ?? type, ...constraintsOf(traits, where), enum: enumOf(type, shape, traits, where) });
}

function preludeType(name: string): string {
  const lower = name.replace(/^Primitive/, '');
  return lower.charAt(0).toLowerCase() + lower.slice(1);
}

function enumOf(type: string, shape: JsonRecord, traits: JsonRecord, where: string): readonly string[] | undefined {
  if (type === 'enum') {
    return Object.entries(recordAt(shape['members'], `${where}.members`)).map(([name, member]) => {
      const value = isRecord(member) && isRecord(member['traits']) ? member['traits'][`${TRAIT}enumValue`] : undefined;
      return value === undefined ? name : stringAt(value, `${where}.members.${name} enumValue`);
    });
  }
  // Smithy 1.0's enum trait on a string.
  const legacy = traits[`${TRAIT}enum`];
  if (legacy === undefined) return undefined;
  return arrayAt(legacy, `${where}.traits["${TRAIT}enum"]`).map((entry, index) => stringAt(recordAt(entry, `${where} enum[${index}]`)['value'], `${where} enum[${index}].value`));
}

function shapeOf(id: string, shape: JsonRecord, records: JsonRecord): ModelShape {
  const where = `shapes["${id}"]`;
  const type = stringAt(shape['type'], `${where}.type`);
  const traits = traitsOf(shape, where);
  const isStructure = type === 'structure' || type === 'union';
  const members: ModelMember[] = !isStructure
    ? []
    : Object.entries(shape['members'] === undefined ? {} : recordAt(shape['members'], `${where}.members`)).map(([name, raw]) => {
        const memberWhere = `${where}.members.${name}`;
        const member = recordAt(raw, memberWhere);
        const target = stringAt(member['target'], `${memberWhere}.target`);
        const memberTraits = traitsOf(member, memberWhere);
        return {
          name,
          target: localName(target),
          documentation: documentationOf(memberTraits, memberWhere),
          facets: { ...facetsOf(target, records), ...constraintsOf(memberTraits, memberWhere) },
          required: `${TRAIT}required` in memberTraits,
        };
      });
  const item = shape['member'] === undefined ? null : localName(stringAt(recordAt(shape['member'], `${where}.member`)['target'], `${where}.member.target`));
  return {
    name: localName(id),
    documentation: documentationOf(traits, where),
    facets: facetsOf(id, records),
    members,
    item,
    httpStatus: optionalNumber(traits[`${TRAIT}httpError`], `${where}.traits["${TRAIT}httpError"]`) ?? null,
  };
}

function operationOf(id: string, operation: JsonRecord): ModelOperation {
  const where = `shapes["${id}"]`;
  const traits = traitsOf(operation, where);
  const http = recordAt(traits[`${TRAIT}http`], `${where}.traits["${TRAIT}http"]`);
  const target = (key: 'input' | 'output'): string | null =>
    operation[key] === undefined ? null : localName(stringAt(recordAt(operation[key], `${where}.${key}`)['target'], `${where}.${key}.target`));
  return {
    name: localName(id),
    documentation: documentationOf(traits, where),
    method: stringAt(http['method'], `${where} http.method`),
    requestUri: stringAt(http['uri'], `${where} http.uri`),
    responseCode: optionalNumber(http['code'], `${where} http.code`) ?? 200,
    input: target('input'),
    output: target('output'),
    errors: (operation['errors'] === undefined ? [] : arrayAt(operation['errors'], `${where}.errors`)).map((error, index) =>
      localName(stringAt(recordAt(error, `${where}.errors[${index}]`)['target'], `${where}.errors[${index}].target`)),
    ),
  };
}
