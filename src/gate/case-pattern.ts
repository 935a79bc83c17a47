// Which cases an expectations entry names: an exact id, or a glob over ids, where `*` stands for
// any characters within one segment of the id (`BatchSize/*/0`) and `**` for any characters at all
// (`FunctionName/**`). A repeated case (`BatchSize/sqs/0#2`, from --repeat) is the case itself.

export function isGlob(pattern: string): boolean {
  return pattern.includes('*');
}

/** The case id without the round suffix --repeat adds. */
export function baseCaseId(id: string): string {
  return id.replace(/#\d+$/, '');
}

export function matchesCase(pattern: string, id: string): boolean {
  const base = baseCaseId(id);
  return isGlob(pattern) ? globExpression(pattern).test(base) : pattern === base;
}

function globExpression(pattern: string): RegExp {
  const source = pattern
    .split('**')
    .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
