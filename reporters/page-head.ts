// The head of every page the tool writes (report.html, the dashboard's index.html): one file, its
// one inline script allowed by its hash and nothing fetched, a second wall behind the escaping and
// a guarantee the page makes no request when opened.
import { createHash } from 'node:crypto';
import { escapeHtml as html } from './html-escape.ts';

export interface PageHead {
  /** Text, escaped here. */
  readonly title: string;
  /** The page's stylesheet, inlined. */
  readonly style: string;
  /** The page's only script: the policy allows it by its hash, and nothing else. */
  readonly script: string;
}

function contentSecurityPolicy(script: string): string {
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  return `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
}

/** From the doctype to `<body>`. */
export function pageHead({ title, style, script }: PageHead): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${html(contentSecurityPolicy(script))}">
<meta name="referrer" content="no-referrer">
<title>${html(title)}</title>
<style>${style}</style>
</head>
<body>
`;
}
