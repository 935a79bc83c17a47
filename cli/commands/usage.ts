// Not the transport's index: main.ts loads this text eagerly, and the index would load HTTP and the AWS SDK.
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from '../../src/transport/defaults.ts';

const runUsageText = `  lambda-esm-conformance run [options]
      Sends every case to a target, judges each answer, writes report.html, junit.xml,
      results.json and badge.json. Without --target (or AWS_ENDPOINT_URL) it starts the embedded reference server.
        --target URL          the API endpoint, e.g. http://127.0.0.1:4566 (LocalStack),
                              http://127.0.0.1:5000 (moto) or https://lambda.eu-west-1.amazonaws.com
        --edition NAME        the contract to judge by: seed (the 2019 documentation, the
                              default) or current (today's AWS)
        --region REGION       signing region (default AWS_REGION, else us-east-1)
        --profile NAME        AWS profile for credentials (default AWS_PROFILE, else the usual chain)
        --fixtures auto|FILE  auto (default): create a role, function, queue, stream and table on
                              the target and delete them after; FILE: use existing ARNs, create
                              nothing (see fixtures/static.example.yaml)
        --role-arn ARN        with auto fixtures: give the function this existing execution role
                              instead of creating one
        --report-dir DIR      where the reports go (default reports)
        --concurrency N       requests in flight at once (default ${DEFAULT_CONCURRENCY})
        --timeout MS          per request (default ${DEFAULT_TIMEOUT_MS})
        --grep PATTERN        only the cases whose id, clause or title match
        --repeat N            send every case N times, to see whether answers are stable
                              and what a larger run costs (default 1)
        --expectations FILE   gate on known deviations (YAML, see examples/moto.expectations.yaml):
                              exit 0 unless a case regresses or a listed case passes
        --update-expectations FILE
                              write the run's deviations to FILE in that format, keeping the
                              reasons of entries that still apply; exits 0 once written
`;

const exitCodes = `Exit codes: 0 every case conforms (with --expectations: no regression and no unexpected
pass), 1 some case does not (or could not be judged; or the run was cut short),
2 nothing could be judged (bad flags, an unreadable spec, a report directory that cannot be
written, no credentials, a target that cannot be reached or is not Lambda, fixtures that cannot
be made or found), 130/143 stopped by SIGINT/SIGTERM (the report of what was judged is still written).
`;

/** The options of `run`, for `run --help`. */
export const runUsage = `Usage:\n${runUsageText}\n${exitCodes}`;

export const usage = `lambda-esm-conformance: conformance tests for the AWS Lambda CreateEventSourceMapping API

Usage:
${runUsageText}  lambda-esm-conformance list [--edition seed|current] [--json] [--grep PATTERN]
  lambda-esm-conformance list --edition-diff seed current [--json] [--grep PATTERN]
      The generated cases: a table, or with --json one object per case. With --edition-diff,
      the cases two editions judge differently (only in one, sent differently, another outcome or
      other success checks), each with the clause behind it.
  lambda-esm-conformance pact export [--edition seed] [--out pacts] [--consumer NAME] [--provider NAME]
      Writes the contract as a Pact file (specification V4), one interaction per case with one
      answer (cases the documentation leaves open are left out, and listed), to
      OUT/CONSUMER-PROVIDER.json (default pacts/lambda-esm-client-aws-lambda-event-source-mappings.json).
  lambda-esm-conformance pact verify [--target URL] [--pact FILE] [options]
      Pact's verifier checks the target against a Pact file (default: the one export writes). The
      fixtures its provider states name are created and deleted again as for run; --region,
      --profile, --fixtures, --report-dir and --timeout as for run. Same reports and exit codes.
  lambda-esm-conformance diff A/results.json B/results.json
      One line per case that differs between two runs: newly failing, newly passing, answer
      changed (status or error type), only in A, only in B. Exit 1 when any differs, 0 when
      none, 2 when a file is not a results.json of this tool.
  lambda-esm-conformance serve [--edition seed|current] [--port 4566] [--host 127.0.0.1] [--fault NAME=VALUE ...]
      The embedded reference server, as the 2019 documentation (seed) or today's AWS (current)
      ("serve --help" lists the fault options).
  lambda-esm-conformance help | --help | --version
      This text; the version.

${exitCodes}`;
