import { isFiniteNumber, isObject, isString } from '../json-fields.ts';

// Whether a FilterCriteria pattern is one Lambda can filter by, after the filter rule syntax of
// "Lambda event filtering" (linked from FilterCriteria in today's model): a JSON object whose every
// field is a nested pattern or a non-empty list of values to match; a value is a string, a number,
// a boolean, null, or one operator. AWS refuses anything else with "Invalid filter pattern definition."
export function isValidFilterPattern(text: string): boolean {
  let pattern: unknown;
  try {
    pattern = JSON.parse(text);
  } catch {
    return false;
  }
  return isPattern(pattern);
}

function isPattern(value: unknown): boolean {
  if (!isObject(value)) return false;
  const fields = Object.entries(value);
  return fields.length > 0 && fields.every(([key, field]) => (key === '$or' ? isAlternatives(field) : isObject(field) ? isPattern(field) : isMatchList(field)));
}

// {"$or": [pattern, pattern, …]}: at least two alternatives.
function isAlternatives(value: unknown): boolean {
  return Array.isArray(value) && value.length >= 2 && value.every(isPattern);
}

function isMatchList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isMatcher);
}

const COMPARISONS = new Set(['=', '<', '<=', '>', '>=']);

function isMatcher(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || isFiniteNumber(value)) return true;
  if (!isObject(value)) return false;
  const entries = Object.entries(value);
  if (entries.length !== 1) return false;
  const [operator, operand] = entries[0] ?? [];
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return typeof operand === 'string' || (isObject(operand) && isSingle(operand, 'equals-ignore-case', isString));
    case 'equals-ignore-case':
    case 'wildcard':
    case 'cidr':
      return typeof operand === 'string';
    case 'exists':
      return typeof operand === 'boolean';
    case 'numeric':
      return isNumericRange(operand);
    case 'anything-but':
      return (
        typeof operand === 'string' ||
        isFiniteNumber(operand) ||
        (Array.isArray(operand) && operand.length > 0 && operand.every((item) => typeof item === 'string' || isFiniteNumber(item))) ||
        (isObject(operand) && ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'].some((inner) => isSingle(operand, inner, isString)))
      );
    default:
      return false;
  }
}

// ["<", 10] or [">=", 0, "<", 10]: one or two comparisons, each an operator and a number.
function isNumericRange(value: unknown): boolean {
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 4)) return false;
  for (let index = 0; index < value.length; index += 2) {
    if (!COMPARISONS.has(String(value[index])) || !isFiniteNumber(value[index + 1])) return false;
  }
  return true;
}

function isSingle(value: Record<string, unknown>, key: string, accepts: (operand: unknown) => boolean): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key && accepts(value[key]);
}
