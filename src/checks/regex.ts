export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-value regular expression matching exactly one of `values`. */
export function oneOfPattern(values: readonly string[]): string {
  return `^(?:${values.map(escapeRegex).join('|')})$`;
}
