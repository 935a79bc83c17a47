import { readBotocoreModel, isBotocoreModel } from './botocore.ts';
import { isRecord } from './json-reading.ts';
import { isSmithyModel, readSmithyModel } from './smithy.ts';
import { ModelFormatError, type ServiceModel } from './service-model.ts';

/** A parsed JSON value as a service model, whichever of AWS's two forms it is in; a ModelFormatError when it is neither. */
export function serviceModelOf(value: unknown): ServiceModel {
  if (isRecord(value) && isSmithyModel(value)) return readSmithyModel(value);
  if (isRecord(value) && isBotocoreModel(value)) return readBotocoreModel(value);
  throw new ModelFormatError("it is neither botocore's service-2.json (metadata, operations, shapes) nor a Smithy JSON AST (smithy, shapes)");
}
