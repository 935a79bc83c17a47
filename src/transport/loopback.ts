// Whether a URL points at this machine: the only place dummy credentials are acceptable.
import { isIP } from 'node:net';

export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  // URL keeps the brackets of an IPv6 literal and normalises `[0:0:0:0:0:0:0:1]` to `[::1]`.
  return host === '[::1]';
}
