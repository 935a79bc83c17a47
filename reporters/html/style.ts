// The page's only stylesheet, inlined: the report must open from a CI artifact or an e-mail with
// no network. System fonts, contrast of at least 4.5:1 for text on every tint, a dark variant, and
// a layout that folds to one column on a narrow window.
export const style = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --text: #1f2328; --muted: #59636e; --border: #d1d9e0; --surface: #f6f8fa; --link: #0550ae;
  --pass-fg: #116329; --pass-bg: #dafbe1;
  --fail-fg: #a40e26; --fail-bg: #ffebe9;
  --error-fg: #7d4e00; --error-bg: #fff8c5;
  --skip-fg: #454c54; --skip-bg: #eff2f5;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --text: #e6edf3; --muted: #9198a1; --border: #3d444d; --surface: #151b23; --link: #79c0ff;
    --pass-fg: #7ee787; --pass-bg: #0f2d1a;
    --fail-fg: #ffa198; --fail-bg: #3c1618;
    --error-fg: #f2cc60; --error-bg: #3b2a05;
    --skip-fg: #c9d1d9; --skip-bg: #262c36;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--text); }
body {
  margin: 0 auto; max-width: 1240px; padding: 1.5rem 1.25rem 3rem;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
}
a { color: var(--link); }
code, pre, .mono { font-family: var(--mono); font-size: 0.9em; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; }
[hidden] { display: none !important; }

.verdict { border: 1px solid var(--border); border-left-width: 8px; border-radius: 8px; padding: 1rem 1.25rem; background: var(--surface); }
.verdict.conforms { border-left-color: var(--pass-fg); }
.verdict.deviates { border-left-color: var(--fail-fg); }
.verdict.incomplete, .verdict.known { border-left-color: var(--error-fg); }
.verdict-label { margin: 0; font-size: 2rem; font-weight: 800; letter-spacing: 0.02em; line-height: 1.2; }
.verdict.conforms .verdict-label { color: var(--pass-fg); }
.verdict.deviates .verdict-label { color: var(--fail-fg); }
.verdict.incomplete .verdict-label, .verdict.known .verdict-label { color: var(--error-fg); }
.verdict-sentence { margin: 0.25rem 0 0.75rem; font-size: 1.05rem; }
.counts { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4rem; margin: 0 0 0.4rem; padding: 0; list-style: none; }
.counts > li:not(:has(a)) { padding: 0 0.6rem; border-radius: 999px; font-weight: 600; background: var(--bg); border: 1px solid var(--border); }
.level { margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); }
.level-label { margin: 0; font-size: 1.25rem; font-weight: 800; }
.level-label::first-letter { text-transform: uppercase; }
.level-0 .level-label { color: var(--fail-fg); }
.level-3 .level-label { color: var(--pass-fg); }
.certification { margin: 0.1rem 0 0.25rem; }
.kept-back > summary { cursor: pointer; color: var(--muted); font-size: 0.85rem; }
.ladder { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr)); gap: 0.5rem; margin: 0.4rem 0 0; padding: 0; list-style: none; }
.rung { padding: 0.35rem 0.6rem; border: 1px solid var(--border); border-top-width: 4px; border-radius: 6px; font-size: 0.9rem; }
.rung.reached { border-top-color: var(--pass-fg); }
.rung.kept { border-top-color: var(--fail-fg); }
.rung-head { margin: 0; }
.rung-state { font-weight: 600; }
.rung.reached .rung-state { color: var(--pass-fg); }
.rung.kept .rung-state { color: var(--fail-fg); }
.rung-findings { margin: 0.1rem 0; font-size: 0.85rem; }
.gate { margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); }
.gate-file { margin: 0 0 0.3rem; font-weight: 600; }
.gate-none { margin: 0; }
table.gate-changes { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
.gate-changes th, .gate-changes td { text-align: left; vertical-align: baseline; padding: 0.15rem 0.5rem 0.15rem 0; border-bottom: 1px solid var(--border); }
.gate-changes th { font-size: 0.8rem; color: var(--muted); font-weight: 600; }
.gate-changes td:first-child { white-space: nowrap; }
.gate-changes td:nth-child(2) { overflow-wrap: break-word; }
.gate-more > summary { cursor: pointer; color: var(--muted); font-size: 0.85rem; }
.outcomes { margin: 0 0 0.75rem; }
svg.stacked-bar { display: block; width: 100%; height: 0.9rem; margin: 0 0 0.4rem; border-radius: 4px; background: var(--skip-bg); }
svg .outcome-pass, svg .gate-conforms { fill: var(--pass-fg); }
svg .outcome-fail, svg .gate-regression { fill: var(--fail-fg); }
svg .outcome-error, svg .gate-unexpected-pass { fill: var(--error-fg); }
svg .outcome-skip, svg .gate-expected { fill: var(--muted); }
a.pill { display: inline-block; padding: 0 0.6rem; border-radius: 999px; font-weight: 600; text-decoration: none; }
a.pill:hover, a.pill:focus-visible { outline: 2px solid var(--link); outline-offset: 1px; }
.partial { color: var(--error-fg); text-transform: uppercase; letter-spacing: 0.03em; }
.run-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0; color: var(--muted); }
.run-facts dt { font-weight: 600; }
.run-facts dd { margin: 0; overflow-wrap: anywhere; color: var(--text); }

.outcome-pass { color: var(--pass-fg); background: var(--pass-bg); }
.outcome-fail { color: var(--fail-fg); background: var(--fail-bg); }
.outcome-error { color: var(--error-fg); background: var(--error-bg); }
.outcome-skip { color: var(--skip-fg); background: var(--skip-bg); }
.gate-expected { color: var(--skip-fg); background: var(--skip-bg); }
.gate-unexpected-pass { color: var(--error-fg); background: var(--error-bg); }
.gate-regression { color: var(--fail-fg); background: var(--fail-bg); }
.gate-conforms { color: var(--pass-fg); background: var(--pass-bg); }
.badge { display: inline-block; min-width: 3.6rem; text-align: center; padding: 0.05rem 0.5rem; border-radius: 4px; font-size: 0.8rem; font-weight: 700; text-transform: uppercase; }

.matrix-scroll { overflow-x: auto; border: 1px solid var(--border); border-radius: 8px; }
table.matrix { border-collapse: collapse; width: 100%; min-width: 34rem; font-size: 0.85rem; }
.matrix th, .matrix td { border-bottom: 1px solid var(--border); padding: 0; text-align: left; }
.matrix thead th { padding: 0.25rem 0.6rem; background: var(--surface); }
.matrix tbody th { padding: 0.1rem 0.6rem; font-weight: 500; overflow-wrap: break-word; }
.matrix tr:last-child > * { border-bottom: 0; }
.matrix td { border-left: 1px solid var(--border); width: 13%; }
.matrix .cell { display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0.1rem 0.5rem; color: inherit; text-decoration: none; }
.matrix a.cell:hover, .matrix a.cell:focus-visible { outline: 2px solid var(--link); outline-offset: -2px; }
.matrix .empty { color: var(--muted); }
.chip { display: inline-block; padding: 0 0.35rem; border-radius: 4px; font-weight: 700; font-variant-numeric: tabular-nums; }
.clause-doc { color: var(--muted); font-size: 0.85rem; font-weight: 400; }
.legend { color: var(--muted); font-size: 0.85rem; margin: 0.5rem 0 0; }

.findings { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 0.3rem; }
.shared-cases { padding: 0.3rem 0 0.3rem 0.6rem; border-left: 4px solid var(--fail-fg); }
.shared-note { margin: 0 0 0.3rem; font-weight: 600; }
svg.count-bar { align-self: center; width: 6rem; height: 0.8rem; background: var(--fail-bg); border-radius: 2px; }
svg.count-bar rect { fill: var(--fail-fg); }
.finding-level { font-size: 0.8rem; color: var(--muted); white-space: nowrap; }
.finding > details { border: 1px solid var(--border); border-radius: 8px; }
.finding > details > summary { display: flex; align-items: baseline; gap: 0 0.5rem; padding: 0.25rem 0.75rem; cursor: pointer; font-size: 0.9rem; }
.finding > details > summary::before { content: "▸"; color: var(--muted); }
.finding > details[open] > summary::before { content: "▾"; }
.finding > details > summary > :not(.finding-headline) { flex: none; }
.finding-headline { flex: 1 1 auto; min-width: 0; }
.finding > details[open] > summary { border-bottom: 1px solid var(--border); background: var(--surface); border-radius: 8px 8px 0 0; }
.finding-count { min-width: 5.5rem; padding: 0 0.5rem; border-radius: 999px; font-weight: 700; text-align: center; color: var(--fail-fg); background: var(--fail-bg); }
.finding-headline { font-weight: 600; }

.finding-body { padding: 0.75rem; }
.finding-body > p { margin: 0.5rem 0 0.25rem; }
.finding-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0; }
.finding-facts dt { font-weight: 600; color: var(--muted); }
.finding-facts dd { margin: 0; overflow-wrap: break-word; }
.clauses { margin: 0; padding-left: 1.1rem; }
pre.reproduce { margin: 0; padding: 0.5rem 0.6rem; border: 1px solid var(--border); border-radius: 6px; background: var(--surface); white-space: pre-wrap; overflow-wrap: anywhere; }
.case-links { display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; margin: 0.25rem 0 0; padding: 0; list-style: none; font-size: 0.85rem; max-height: 16rem; overflow-y: auto; }
a { color: var(--link); }
figure.doc { margin: 0 0 0.6rem; }
figure.doc figcaption { color: var(--muted); font-size: 0.85rem; }
figure.doc blockquote { margin: 0.15rem 0 0; padding: 0.2rem 0.75rem; border-left: 3px solid var(--border); font-style: italic; }
.filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.6rem 0; background: var(--bg); border-bottom: 1px solid var(--border); }
.filters input[type="search"] { flex: 1 1 16rem; min-width: 0; padding: 0.4rem 0.6rem; font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--border); border-radius: 6px; }
.filters label.toggle { display: inline-flex; align-items: center; gap: 0.3rem; padding: 0.15rem 0.55rem; border-radius: 999px; font-size: 0.85rem; font-weight: 600; cursor: pointer; }
.filters fieldset.facet { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0.3rem; margin: 0; padding: 0; border: 0; }
.filters legend { float: left; margin-right: 0.3rem; font-size: 0.85rem; color: var(--muted); }
.filters label.filter-text { display: inline-flex; flex: 1 1 16rem; align-items: center; gap: 0.4rem; font-size: 0.85rem; color: var(--muted); }
.filters label.filter-select { display: inline-flex; align-items: center; gap: 0.3rem; font-size: 0.85rem; color: var(--muted); }
.filters select { max-width: 16rem; font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.2rem 0.3rem; }
.filters .cell-filter { display: inline-flex; gap: 0.4rem; align-items: center; font-size: 0.85rem; }
.filters button { font: inherit; font-size: 0.85rem; padding: 0.1rem 0.5rem; border: 1px solid var(--border); border-radius: 6px; background: var(--surface); color: inherit; cursor: pointer; }
.shown { color: var(--muted); font-size: 0.85rem; margin-left: auto; }

.cases { display: flex; flex-direction: column; margin-top: 0.75rem; border: 1px solid var(--border); border-radius: 8px; }
details.case { border-bottom: 1px solid var(--border); }
details.case:last-child { border-bottom: 0; }
details.case > summary { display: flex; align-items: baseline; gap: 0 0.6rem; padding: 0.15rem 0.75rem; cursor: pointer; list-style: none; font-size: 0.9rem; }
details.case > summary::-webkit-details-marker { display: none; }
details.case > summary::before { content: "▸"; color: var(--muted); width: 0.8em; }
details.case[open] > summary::before { content: "▾"; }
details.case[open] > summary { flex-wrap: wrap; border-bottom: 1px solid var(--border); background: var(--surface); }
details.case > summary .badge { flex: none; }
.case-id { flex: none; max-width: 40%; font-weight: 600; overflow-wrap: break-word; }
/* One line per case: a long title ends in an ellipsis until the case is opened. */
.case-title { flex: 1 1 10rem; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
details.case[open] .case-title { white-space: normal; }
.case-facts { flex: none; color: var(--muted); font-size: 0.85rem; white-space: nowrap; }
.case-body { padding: 0.75rem; }
.case-body > p { margin: 0 0 0.6rem; }
.reasons { width: 100%; border-collapse: collapse; margin: 0 0 0.75rem; font-size: 0.9rem; }
.reasons th, .reasons td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--border); }
.reasons td { overflow-wrap: break-word; }
.exchange { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 0.75rem; }
.exchange section { min-width: 0; border: 1px solid var(--border); border-radius: 6px; overflow: hidden; }
.exchange h4 { margin: 0; padding: 0.3rem 0.6rem; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); background: var(--surface); border-bottom: 1px solid var(--border); }
.start-line { margin: 0; padding: 0.4rem 0.6rem; font-weight: 600; overflow-wrap: anywhere; }
.headers { margin: 0; padding: 0 0.6rem 0.4rem; display: grid; grid-template-columns: max-content 1fr; gap: 0 0.75rem; font-family: var(--mono); font-size: 0.8rem; }
.headers dt { color: var(--muted); }
.headers dd { margin: 0; overflow-wrap: anywhere; }
pre.body { margin: 0; padding: 0.5rem 0.6rem; border-top: 1px solid var(--border); background: var(--surface); white-space: pre-wrap; overflow-wrap: anywhere; max-height: 28rem; overflow-y: auto; }
.nothing { margin: 0; padding: 0.5rem 0.6rem; color: var(--muted); font-style: italic; }
footer { margin-top: 2rem; color: var(--muted); font-size: 0.85rem; }

@media (max-width: 640px) {
  body { padding: 1rem 0.75rem 2rem; }
  .verdict-label { font-size: 1.5rem; }
  details.case > summary, .finding > details > summary { flex-wrap: wrap; }
  .case-id { flex: 0 1 auto; min-width: 0; max-width: 100%; }
  .case-title { white-space: normal; }
  .case-facts { flex-basis: 100%; white-space: normal; }
  /* Reasons as stacked blocks: three columns of long identifiers do not fit a phone. */
  .reasons thead { display: none; }
  .reasons tr { display: block; padding: 0.3rem 0; border-bottom: 1px solid var(--border); }
  .reasons td { display: inline; padding: 0 0.5rem 0 0; border: 0; }
  .reasons td:last-child { display: block; padding-top: 0.15rem; }
  .gate-changes thead { display: none; }
  .gate-changes tr { display: block; padding: 0.2rem 0; border-bottom: 1px solid var(--border); }
  .gate-changes td { display: inline; padding: 0 0.5rem 0 0; border: 0; }
  .gate-changes td:last-child { display: block; }
}
`;
