// The one reading of a target URL, for the CLI, the transport, the credentials and the fixtures.
// Cases carry absolute API paths, so a target is an origin only: anything after it would be
// silently dropped or would change what is signed, so it is refused instead.

/** A target URL that cannot be used. The message says what is wrong and how to fix it, and never holds a password. */
export class TargetUrlError extends Error {
  override readonly name = 'TargetUrlError';
}

const EXAMPLES = 'such as http://127.0.0.1:4566 or https://lambda.eu-west-1.amazonaws.com';

/**
 * The target's origin (scheme, host and port), e.g. `http://127.0.0.1:4566` for
 * `http://127.0.0.1:4566/`: trailing slashes are dropped, `.origin` is the normalised text.
 * Throws a TargetUrlError for anything else: not a URL, not http(s), a user name or password,
 * a path, a query or a fragment.
 */
export function parseTargetUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TargetUrlError(`the target "${maskUserinfo(text)}" is not a URL: give an origin ${EXAMPLES}.`);
  }
  const shown = url.username === '' && url.password === '' ? text.trim() : maskedHref(url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TargetUrlError(`the target "${shown}" must be an http:// or https:// URL, ${EXAMPLES}.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TargetUrlError(
      `the target "${shown}" must not carry a user name or password, since requests are signed with AWS credentials (--profile, AWS_PROFILE or AWS_ACCESS_KEY_ID): give ${url.origin}.`,
    );
  }
  if (!/^\/+$/.test(url.pathname)) {
    throw new TargetUrlError(`the target "${shown}" has the path "${url.pathname}", but a target is an origin only (scheme, host and port): give ${url.origin}.`);
  }
  // `search` and `hash` are empty for a bare "?" or "#", which href keeps: read what follows the path there.
  const rest = url.href.slice(url.origin.length + url.pathname.length);
  const hashAt = rest.indexOf('#');
  const query = hashAt === -1 ? rest : rest.slice(0, hashAt);
  if (query !== '') {
    throw new TargetUrlError(`the target "${shown}" has the query "${query}", but a target is an origin only (scheme, host and port): give ${url.origin}.`);
  }
  if (hashAt !== -1) {
    throw new TargetUrlError(`the target "${shown}" has the fragment "${rest}", but a target is an origin only (scheme, host and port): give ${url.origin}.`);
  }
  return new URL(url.origin);
}

/** The URL with its user name and password replaced by `***`. */
function maskedHref(url: URL): string {
  const safe = new URL(url.href);
  safe.username = '';
  safe.password = '';
  const prefix = `${safe.protocol}//`;
  return safe.href.startsWith(prefix) ? `${prefix}***@${safe.href.slice(prefix.length)}` : safe.href;
}

/**
 * Text that did not parse may still hold a password: everything between the scheme and the last
 * `@` is masked, which hides more than needed rather than less.
 */
function maskUserinfo(text: string): string {
  return text.replace(/^(\s*[a-z][a-z0-9+.-]*:[/\\]*)[^]*@/i, '$1***@');
}
