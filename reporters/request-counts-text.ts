import type { RequestCounts } from '../src/transport/request-pacer.ts';

/**
 * What a run's requests cost, in a sentence: "812 API calls: 845 requests sent, 12 throttled
 * (1.4 %), 33 retries; 41.2 s waiting in the rate limiter and 3.2 s backing off (summed over
 * requests), at most 12 requests per second."
 */
export function requestCountsSentence(counts: RequestCounts): string {
  const { apiCalls, requests, throttled, retries, limiterWaitMs, backoffMs, capRps } = counts;
  const share = requests === 0 ? 0 : (100 * throttled) / requests;
  const cap = capRps === null ? '' : `, at most ${capRps} ${capRps === 1 ? 'request' : 'requests'} per second`;
  return (
    `${plural(apiCalls, 'API call')}: ${plural(requests, 'request')} sent, ${throttled} throttled (${share.toFixed(1)} %), ${plural(retries, 'retry', 'retries')}; ` +
    `${seconds(limiterWaitMs)} waiting in the rate limiter and ${seconds(backoffMs)} backing off (summed over requests)${cap}.`
  );
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
