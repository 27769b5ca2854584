/**
 * The report's one style sheet, inline (the file loads nothing). Print rules:
 * a row is never cut across pages, table headers repeat on every page, a
 * capture's heading stays with its table, and every page is numbered
 * ("Page 2 of 7", CSS page-margin boxes, which Chromium prints since
 * version 131; other browsers print their own header and footer instead).
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5a6572; --line: #d5dbe2; --soft: #f3f5f8; --accent: #1f5fbf; --warn: #8a4b00; --warn-bg: #fff4e0; }
* { box-sizing: border-box; }
html { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 1100px; padding: 32px 40px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-top: 12px; border-top: 3px solid var(--accent); }
h3 { font-size: 16px; margin: 22px 0 6px; }
h4 { font-size: 14px; margin: 18px 0 6px; }
p { margin: 6px 0; }
.muted { color: var(--muted); }
.cover { display: flex; gap: 20px; align-items: flex-start; border-bottom: 1px solid var(--line); padding-bottom: 16px; }
.cover img { max-width: 160px; max-height: 80px; object-fit: contain; }
.cover-text p { margin: 8px 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.toc ol { padding-left: 22px; }
.toc a { color: var(--accent); text-decoration: none; }
ol.steps li[data-state="done"]::marker { color: #1b7a3a; }
.path { border-left: 4px solid #c9d3e0; padding: 2px 12px; margin: 10px 0; }
.path-answers li { margin: 4px 0; }
.state { font-size: 12px; padding: 0 6px; border-radius: 8px; background: var(--soft); border: 1px solid var(--line); white-space: nowrap; }
.state-done { background: #e6f4ea; border-color: #a8d5b5; }
.state-failed { background: #fde8e8; border-color: #f0b4b4; }
.hidden-note { background: var(--warn-bg); border-left: 4px solid var(--warn); padding: 8px 12px; margin: 10px 0; }
.capture { margin: 18px 0 26px; }
.hash { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-wrap: anywhere; background: var(--soft); padding: 1px 4px; border-radius: 3px; }
table.rows { width: 100%; border-collapse: collapse; font-size: 12px; margin-top: 8px; }
table.rows th, table.rows td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.rows thead th { background: var(--soft); }
table.rows td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
table.rows .meaning { display: block; color: var(--muted); }
pre.command { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border: 1px solid var(--line); padding: 8px 10px; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; }
.notes { white-space: pre-wrap; background: var(--soft); padding: 8px 12px; border-radius: 4px; }
footer { margin-top: 40px; border-top: 1px solid var(--line); padding-top: 10px; }
@page { size: A4; margin: 16mm 12mm 18mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt system-ui, sans-serif; color: #5a6572; } @bottom-left { content: "Trailguide audit report"; font: 9pt system-ui, sans-serif; color: #5a6572; } }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: page; }
  .case:first-of-type h2 { break-before: auto; }
  h2, h3, h4 { break-after: avoid; }
  .capture-head { break-inside: avoid; break-after: avoid; }
  /* Fixed layout: a long address or e-mail wraps inside its column instead of pushing the table past the page edge. */
  table.rows { font-size: 8.5pt; table-layout: fixed; }
  table.rows td.time { white-space: normal; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; }
  pre.command, .hidden-note, dl.facts, .path-answers li { break-inside: avoid; }
}
`;
