// botocore's service-2.json (the form the AWS CLI and boto3 ship): `operations` and `shapes` by name.
import { arrayAt, definedOnly, optionalNumber, optionalString, recordAt, stringAt, type JsonRecord } from './json-reading.ts';
import { ModelFormatError, type Facets, type ModelMember, type ModelOperation, type ModelShape, type ServiceModel } from './service-model.ts';

export function isBotocoreModel(value: JsonRecord): boolean {
  return 'metadata' in value && 'operations' in value && 'shapes' in value;
}

export function readBotocoreModel(value: JsonRecord): ServiceModel {
  const metadata = recordAt(value['metadata'], 'metadata');
  const shapes = new Map<string, ModelShape>();
  const shapeRecords = recordAt(value['shapes'], 'shapes');
  const facetsOf = (name: string): Facets => {
    if (!Object.hasOwn(shapeRecords, name)) throw new ModelFormatError(`the shape ${name} is referred to, but the model does not have it`);
    return facetsOfShape(recordAt(shapeRecords[name], `shapes.${name}`), `shapes.${name}`);
  };
  for (const [name, raw] of Object.entries(shapeRecords)) shapes.set(name, shapeOf(name, recordAt(raw, `shapes.${name}`), facetsOf));
  const operations = new Map<string, ModelOperation>();
  for (const [name, raw] of Object.entries(recordAt(value['operations'], 'operations'))) operations.set(name, operationOf(name, recordAt(raw, `operations.${name}`)));
  return { format: 'botocore', apiVersion: stringAt(metadata['apiVersion'], 'metadata.apiVersion'), shapes, operations };
}

function facetsOfShape(shape: JsonRecord, where: string): Facets {
  return definedOnly({
    type: stringAt(shape['type'], `${where}.type`),
    min: optionalNumber(shape['min'], `${where}.min`),
    max: optionalNumber(shape['max'], `${where}.max`),
    pattern: optionalString(shape['pattern'], `${where}.pattern`),
    enum: shape['enum'] === undefined ? undefined : arrayAt(shape['enum'], `${where}.enum`).map((entry, index) => stringAt(entry, `${where}.enum[${index}]`)),
  });
}

function shapeOf(name: string, shape: JsonRecord, facetsOf: (name: string) => Facets): ModelShape {
  const where = `shapes.${name}`;
  const required = new Set(shape['required'] === undefined ? [] : arrayAt(shape['required'], `${where}.required`).map((entry) => stringAt(entry, `${where}.required`)));
  const members: ModelMember[] = Object.entries(shape['members'] === undefined ? {} : recordAt(shape['members'], `${where}.members`)).map(([member, raw]) => {
    const ref = recordAt(raw, `${where}.members.${member}`);
    const target = stringAt(ref['shape'], `${where}.members.${member}.shape`);
    return { name: member, target, documentation: optionalString(ref['documentation'], `${where}.members.${member}.documentation`) ?? '', facets: facetsOf(target), required: required.has(member) };
  });
  const error = shape['error'] === undefined ? undefined : recordAt(shape['error'], `${where}.error`);
  return {
    name,
    documentation: optionalString(shape['documentation'], `${where}.documentation`) ?? '',
    facets: facetsOfShape(shape, where),
    members,
    item: shape['member'] === undefined ? null : stringAt(recordAt(shape['member'], `${where}.member`)['shape'], `${where}.member.shape`),
    httpStatus: optionalNumber(error?.['httpStatusCode'], `${where}.error.httpStatusCode`) ?? null,
  };
}

function operationOf(name: string, operation: JsonRecord): ModelOperation {
  const where = `operations.${name}`;
  const http = recordAt(operation['http'], `${where}.http`);
  const shapeRef = (key: 'input' | 'output'): string | null =>
    operation[key] === undefined ? null : stringAt(recordAt(operation[key], `${where}.${key}`)['shape'], `${where}.${key}.shape`);
  return {
    name,
    documentation: optionalString(operation['documentation'], `${where}.documentation`) ?? '',
    method: stringAt(http['method'], `${where}.http.method`),
    requestUri: stringAt(http['requestUri'], `${where}.http.requestUri`),
    responseCode: optionalNumber(http['responseCode'], `${where}.http.responseCode`) ?? 200,
    input: shapeRef('input'),
    output: shapeRef('output'),
    errors: (operation['errors'] === undefined ? [] : arrayAt(operation['errors'], `${where}.errors`)).map((error, index) =>
      stringAt(recordAt(error, `${where}.errors[${index}]`)['shape'], `${where}.errors[${index}].shape`),
    ),
  };
}
