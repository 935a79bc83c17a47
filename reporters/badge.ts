// badge.json: the certification level as a shields.io endpoint badge
// (https://shields.io/badges/endpoint-badge), for an emulator's README.
import type { RunReport } from '../src/results.ts';
import { levelLabel } from '../src/run-record/certification-text.ts';

export interface EndpointBadge {
  readonly schemaVersion: 1;
  readonly label: string;
  readonly message: string;
  readonly color: string;
}

const COLORS = ['red', 'yellow', 'yellowgreen', 'brightgreen'] as const;

/** "Lambda ESM conformance | level 2 (seed)"; grey, "no level (partial run)", for a run that cannot certify. */
export function endpointBadge(report: RunReport): EndpointBadge {
  const { certification } = report;
  const uncertified = certification.uncertified !== null;
  return {
    schemaVersion: 1,
    label: 'Lambda ESM conformance',
    message: `${levelLabel(certification).toLowerCase()} (${uncertified ? 'partial run' : report.edition})`,
    color: uncertified ? 'lightgrey' : COLORS[certification.level],
  };
}

/** The file's text, one piece: it holds no case. */
export function* badgeChunks(report: RunReport): Generator<string> {
  yield `${JSON.stringify(endpointBadge(report), null, 2)}\n`;
}
