/** What the judge knows besides the case and the answer: the function the placeholders named. */
export interface JudgeContext {
  /** ARN of the provisioned function; its account and region are the target's. */
  readonly functionArn: string;
}
