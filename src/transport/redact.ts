// Keeps credentials out of everything the suite records: observations, reports, logs.

export const REDACTED = '[REDACTED]';

// Names that carry a credential whatever their value looks like. Deliberately broad: a header
// hidden by mistake costs a little detail in a report, a leaked one costs a credential.
const CREDENTIAL_HEADER_NAME = /authorization|token|secret|password|passwd|credential|api[-_]?key|cookie|session/i;

export function isCredentialHeaderName(name: string): boolean {
  return CREDENTIAL_HEADER_NAME.test(name);
}

/** Returns a copy with the value of every credential-bearing header replaced by `[REDACTED]`. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    redacted[name] = isCredentialHeaderName(name) ? REDACTED : value;
  }
  return redacted;
}

/** Replaces every occurrence of each secret value in `text` with `[REDACTED]`. Empty secrets are ignored. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  // Longest first, so that a secret containing another is hidden whole rather than in pieces.
  const ordered = secrets.filter((secret) => secret !== '').sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of ordered) result = result.split(secret).join(REDACTED);
  return result;
}
