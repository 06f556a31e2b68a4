/** The report's only style sheet, inline: the page loads nothing from anywhere and prints on A4. */
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1b1f24; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
header { border-bottom: 3px solid #0b5394; margin-bottom: 12px; }
.org { margin: 0; color: #0b5394; font-weight: 600; letter-spacing: .02em; }
h1 { font-size: 18pt; margin: 4px 0; }
.subtitle { margin: 0 0 8px; color: #555; }
h2 { font-size: 12pt; margin: 16px 0 6px; color: #0b5394; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dt { color: #555; }
dd { margin: 0; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; color: #444; }
.figures span { display: inline-block; margin-right: 24px; }
.figures b { font-size: 14pt; }
table { width: 100%; border-collapse: collapse; margin: 4px 0; }
th, td { border-bottom: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef3f8; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
tr.overdue td { background: #fff4e5; }
.flag { color: #b45309; }
.status { white-space: nowrap; }
.status.completed { color: #1a7f37; }
.status.in-progress { color: #0b5394; }
.status.postponed { color: #b45309; }
.status.cancelled { color: #6e7781; text-decoration: line-through; }
.progress { white-space: nowrap; }
.bar { display: inline-block; width: 60px; height: 8px; background: #e5e9ee; vertical-align: middle; }
.bar span { display: block; height: 100%; background: #0b5394; }
.rollups { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; break-inside: avoid; }
footer { margin-top: 20px; border-top: 1px solid #d0d7de; padding-top: 6px; font-size: 9pt; color: #555; }
@media print { body { margin: 0; max-width: none; padding: 0; } * { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`;
