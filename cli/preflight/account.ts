// The account guard: which AWS account the credentials in use belong to, asked of STS before any
// other request, so that a production profile left in the environment is never touched. Checked for
// every AWS endpoint (which is refused unless --allow-account names the account) and, when
// --allow-account is given, for any other target (an emulator answers GetCallerIdentity at its origin).
import { isAwsEndpoint } from '../../src/transport/aws-endpoint.ts';
import { createTransport, describeObservation, errorTypeOf, type AwsCredentialIdentityProvider } from '../../src/transport/index.ts';
import type { RunSettings } from '../commands/run-settings.ts';

export type AccountGuardSettings = Pick<RunSettings, 'region' | 'timeoutMs' | 'allowedAccounts'>;

const GET_CALLER_IDENTITY = 'Action=GetCallerIdentity&Version=2011-06-15';
const ACCOUNT = /<Account>\s*(\d{12})\s*<\/Account>/;

/**
 * Where GetCallerIdentity is asked: for an AWS endpoint, STS's regional endpoint in the same
 * partition's domain (`https://sts.REGION.amazonaws.com`, `.amazonaws.com.cn` in China); for any
 * other target, the target's own origin, where emulators serve every service.
 */
export function stsEndpointOf(targetUrl: string, region: string): string {
  const target = new URL(targetUrl);
  if (!isAwsEndpoint(target)) return target.origin;
  const domain = target.hostname.toLowerCase().replace(/\.$/, '').endsWith('.amazonaws.com.cn') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sts.${region}.${domain}`;
}

/** Whether the command must ask STS first: always on an AWS endpoint, and wherever accounts are named. */
export function accountIsGuarded(targetUrl: string, settings: Pick<RunSettings, 'allowedAccounts'>): boolean {
  return settings.allowedAccounts !== null || isAwsEndpoint(new URL(targetUrl));
}

/** A sentence saying why the command may not touch this account and what to do, or null when it may (or nothing is guarded). */
export async function accountProblem(
  targetUrl: string,
  credentials: AwsCredentialIdentityProvider,
  settings: AccountGuardSettings,
  /** Where STS is asked; tests name a local server to stand in for an AWS endpoint's. */
  sts: string = stsEndpointOf(targetUrl, settings.region),
): Promise<string | null> {
  if (!accountIsGuarded(targetUrl, settings)) return null;
  const transport = createTransport({ url: sts, region: settings.region, credentials, service: 'sts', timeoutMs: settings.timeoutMs });
  const check = 'aws sts get-caller-identity shows the account of your credentials';
  let account: string | null;
  try {
    const observation = await transport.send({
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: GET_CALLER_IDENTITY,
    });
    const { response } = observation;
    if (response === null) return `STS at ${sts} could not be asked which account the credentials belong to (${describeObservation(observation)}), so nothing is sent to ${targetUrl}; ${check}.`;
    if (response.status !== 200) {
      return `STS at ${sts} refused GetCallerIdentity (${response.status} ${errorTypeOf(response) ?? 'without an error type'}), so the account the credentials belong to is unknown and nothing is sent to ${targetUrl}; ${check}.`;
    }
    account = ACCOUNT.exec(response.body)?.[1] ?? null;
    if (account === null) return `STS at ${sts} answered GetCallerIdentity without a 12-digit Account, so nothing is sent to ${targetUrl}; ${check}.`;
  } finally {
    await transport.close();
  }
  const allowed = settings.allowedAccounts;
  if (allowed === null) {
    return (
      `${targetUrl} is an AWS endpoint and the credentials in use are of account ${account}: name the accounts the tool may touch with ` +
      `--allow-account ${account} (or LESM_ALLOWED_ACCOUNTS=${account}) if it is a sandbox you mean to use, or pass --profile NAME for other credentials.`
    );
  }
  if (allowed.includes(account)) return null;
  return (
    `the credentials in use are of account ${account}, which --allow-account (or LESM_ALLOWED_ACCOUNTS) does not list (it lists ${allowed.join(', ')}): ` +
    `nothing was sent to ${targetUrl}; pass --profile NAME for the credentials of an account listed, or add ${account} if you mean to touch it.`
  );
}
