import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FileProblem } from '../user-file/file-problem.ts';
import type { YamlSource } from '../user-file/yaml-source.ts';

const addFormats = addFormatsModule.default;
const schemaUrl = new URL('../../specs/spec.schema.json', import.meta.url);

let compiled: ReturnType<Ajv['compile']> | undefined;

function validator(): ReturnType<Ajv['compile']> {
  if (compiled === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(schemaUrl, 'utf8')) as object);
  }
  return compiled;
}

/** Checks a parsed spec against specs/spec.schema.json; one problem per violation, at its position. */
export function checkAgainstSchema(source: YamlSource): FileProblem[] {
  const validate = validator();
  if (validate(source.value)) return [];
  return collapse(validate.errors ?? []).map((error) => toProblem(source, error));
}

// allOf/if-then and $ref make ajv report some violations twice, and add a summary error for
// every failed "if"; a reader wants each fact once.
function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === 'if') return false;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toProblem(source: YamlSource, error: ErrorObject): FileProblem {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  const where = path.length === 0 ? 'the top level' : path.join('.');
  const extraKey = error.keyword === 'additionalProperties' ? String(error.params['additionalProperty']) : undefined;
  const { line, column, file = source.file } = source.locate(path, extraKey);
  return { file, line, column, ...describe(error, where) };
}

function describe(error: ErrorObject, where: string): { message: string; fix: string } {
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return {
        message: `${where} is missing "${String(params['missingProperty'])}"`,
        fix: `add "${String(params['missingProperty'])}" under ${where} (see specs/spec.schema.json)`,
      };
    case 'additionalProperties':
      return {
        message: `${where} has an unknown key "${String(params['additionalProperty'])}"`,
        fix: 'remove it or correct its spelling; the keys allowed here are listed in specs/spec.schema.json',
      };
    case 'type':
      return { message: `${where} must be of type ${String(params['type'])}`, fix: `write ${withArticle(String(params['type']))} there` };
    case 'enum':
      return {
        message: `${where} must be one of the allowed values`,
        fix: `use one of: ${(params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`,
      };
    case 'pattern':
      return { message: `${where} does not have the expected form`, fix: `write a value matching /${String(params['pattern'])}/` };
    case 'format':
      return {
        message: `${where} is not a valid ${String(params['format'])}`,
        fix: params['format'] === 'regex' ? 'write a JavaScript-compatible regular expression (escape backslashes in double quotes)' : `write a valid ${String(params['format'])}`,
      };
    default:
      return { message: `${where} ${error.message ?? 'is invalid'}`, fix: 'correct it as specs/spec.schema.json describes' };
  }
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}
