// Whether a URL is one of AWS's own endpoints: the only targets that must never be signed with
// dummy credentials, since a real endpoint would answer them with nothing but 403s.

// amazonaws.com (commercial and GovCloud), amazonaws.com.cn (China), api.aws (dual-stack endpoints).
const AWS_DOMAINS = ['amazonaws.com', 'amazonaws.com.cn', 'api.aws'];

export function isAwsEndpoint(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return AWS_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
