// AWS's service model for Lambda, read from either form AWS publishes it in (botocore's
// service-2.json, the Smithy JSON AST) into one shape, so that what drift compares and what
// scripts/extract-current-documentation.ts writes come from the same reading.

/** What a shape or a member constrains: the model's own type name, and the facets the API reference spells out. */
export interface Facets {
  /** botocore's type names (`structure`, `list`, `map`, `string`, `integer`, `long`, `boolean`, `timestamp`, …); a Smithy enum is a `string`, a union a `structure`. */
  readonly type: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

export interface ModelMember {
  readonly name: string;
  /** The shape it targets, by its name without a namespace. */
  readonly target: string;
  /** The member's own documentation (HTML markup), empty when it has none. */
  readonly documentation: string;
  /** Its target's facets, with the member's own constraints over them (Smithy lets a member narrow its target). */
  readonly facets: Facets;
  readonly required: boolean;
}

export interface ModelShape {
  readonly name: string;
  readonly documentation: string;
  readonly facets: Facets;
  /** A structure's members, in the model's order; empty for any other shape. */
  readonly members: readonly ModelMember[];
  /** A list's item shape. */
  readonly item: string | null;
  /** An error shape's HTTP status. */
  readonly httpStatus: number | null;
}

export interface ModelOperation {
  readonly name: string;
  readonly documentation: string;
  readonly method: string;
  readonly requestUri: string;
  readonly responseCode: number;
  readonly input: string | null;
  readonly output: string | null;
  readonly errors: readonly string[];
}

export interface ServiceModel {
  readonly format: 'botocore' | 'smithy';
  readonly apiVersion: string;
  readonly shapes: ReadonlyMap<string, ModelShape>;
  readonly operations: ReadonlyMap<string, ModelOperation>;
}

/** A value that is not a service model, with where in it and what is wrong. */
export class ModelFormatError extends Error {
  override readonly name = 'ModelFormatError';
}

/** The shape named, or a ModelFormatError naming who refers to it. */
export function shapeOf(model: ServiceModel, name: string, referredBy: string): ModelShape {
  const shape = model.shapes.get(name);
  if (shape === undefined) throw new ModelFormatError(`${referredBy} refers to the shape "${name}", which the model does not have`);
  return shape;
}

/** The operation named, or a ModelFormatError. */
export function operationOf(model: ServiceModel, name: string): ModelOperation {
  const operation = model.operations.get(name);
  if (operation === undefined) throw new ModelFormatError(`the model has no operation ${name}: is it Lambda's (2015-03-31)?`);
  return operation;
}

/** The members of an operation's input or output structure; none when it has no such shape. */
export function structureMembers(model: ServiceModel, shapeName: string | null, referredBy: string): readonly ModelMember[] {
  return shapeName === null ? [] : shapeOf(model, shapeName, referredBy).members;
}
