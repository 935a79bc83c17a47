// The reference server plays a single AWS account, as LocalStack and moto do: this one unless told
// another (startReferenceServer's `account`). Every ARN it hands out names that account, and an ARN
// naming any other account points at something that cannot exist here.
export const ACCOUNT_ID = '123456789012';

// Used when a request carries no SigV4 credential scope to take the region from.
export const DEFAULT_REGION = 'us-east-1';
