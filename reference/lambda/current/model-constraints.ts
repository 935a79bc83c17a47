import { ServiceError } from '../../service-error.ts';

// Today's AWS checks the constraints of its service model (ranges, lengths, patterns, enumerations,
// required members) before any rule of its own, and answers every broken one at once with
// 400 ValidationException, in this wording (source B; source C for StartingPosition's enumeration):
//   1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1
// Members are named as the wire model names them: camelCase, nested ones joined by dots.
export class ModelConstraints {
  private readonly broken: string[] = [];

  range(path: string, value: number | undefined, min: number, max: number): void {
    if (value === undefined) return;
    if (value < min) this.fail(path, value, `Member must have value greater than or equal to ${min}`);
    else if (value > max) this.fail(path, value, `Member must have value less than or equal to ${max}`);
  }

  length(path: string, value: string | readonly unknown[] | undefined, min: number, max: number): void {
    if (value === undefined) return;
    if (value.length < min) this.fail(path, value, `Member must have length greater than or equal to ${min}`);
    else if (value.length > max) this.fail(path, value, `Member must have length less than or equal to ${max}`);
  }

  // `pattern` is the model's text; AWS patterns match the whole value.
  pattern(path: string, value: string | undefined, pattern: string): void {
    if (value !== undefined && !new RegExp(`^(?:${pattern})$`).test(value)) {
      this.fail(path, value, `Member must satisfy regular expression pattern: ${pattern}`);
    }
  }

  enumeration(path: string, value: string | readonly string[] | undefined, allowed: readonly string[]): void {
    if (value === undefined) return;
    const values = typeof value === 'string' ? [value] : value;
    if (values.some((item) => !allowed.includes(item))) this.fail(path, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }

  required(path: string, value: unknown): void {
    if (value === undefined) this.broken.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
  }

  // Throws the one ValidationException naming every broken constraint, if any is.
  check(): void {
    const count = this.broken.length;
    if (count === 0) return;
    throw new ServiceError(400, 'ValidationException', `${count} validation error${count === 1 ? '' : 's'} detected: ${this.broken.join('; ')}`);
  }

  private fail(path: string, value: number | string | readonly unknown[], constraint: string): void {
    // Lists are shown as Java prints them, as AWS does: [a, b].
    const shown = Array.isArray(value) ? `[${value.map(String).join(', ')}]` : String(value);
    this.broken.push(`Value '${shown}' at '${path}' failed to satisfy constraint: ${constraint}`);
  }
}
