import type { ActivityView, RollUp } from '../plan-implementation/plan-implementation.query.js';
import { markup, trusted, type Html } from './html.js';
import { english, stateLabel, type PlanReport } from './plan-report.js';
import { REPORT_CSS } from './report.css.js';

const STATUS: Record<string, string> = {
  planned: 'Planned',
  scheduled: 'Scheduled',
  'in-progress': 'In progress',
  completed: 'Completed',
  postponed: 'Postponed',
  cancelled: 'Cancelled',
};

type DecisionRef = { meetingId?: string; decisionId?: string } | null;

/** A standalone, printable page: inline CSS, no script, nothing loaded from elsewhere, every text escaped. */
export function renderPlanReportHtml(report: PlanReport): string {
  const { plan } = report;
  const title = english(plan.title);
  return markup`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}: implementation report as of ${report.asOf.day}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<header>
<p class="org">Organization of Turkic States &middot; Secretariat</p>
<h1>${title}</h1>
<p class="subtitle">Implementation report &middot; ${plan.year} &middot; as of ${report.asOf.day}</p>
</header>
<section>
<h2>Plan</h2>
<dl>
<dt>Plan</dt><dd><code>${plan.id}</code></dd>
<dt>Meeting series</dt><dd><code>${plan.seriesId}</code></dd>
<dt>Year</dt><dd>${plan.year}</dd>
<dt>Status</dt><dd>${plan.status}</dd>
<dt>Visibility</dt><dd>${plan.visibility}</dd>
</dl>
</section>
${adoption(report)}
<section>
<h2>Summary</h2>
<p class="figures"><span><b>${plan.summary.activities}</b> activities</span>
<span><b>${plan.summary.progress}%</b> average progress</span>
<span><b>${plan.summary.overdue}</b> overdue on ${report.asOf.day}</span></p>
</section>
<section>
<h2>Activities</h2>
<table class="activities">
<thead><tr><th>#</th><th>Activity</th><th>Kind</th><th>Status</th><th>Progress</th><th>Lead</th><th>Planned</th><th>Actual</th><th>Overdue</th></tr></thead>
<tbody>
${plan.activities.map((a, i) => activityRow(report, a, i + 1))}</tbody>
</table>
</section>
<section class="rollups">
${rollUp('By lead state', 'Lead state', plan.summary.byState, (key) => stateLabel(report, key))}
${rollUp('By kind', 'Kind', plan.summary.byKind, (key) => key)}
</section>
<footer>
<p>Log position <b>${report.logPosition}</b> (the plan last changed at position ${plan.position}).
As of <code>${report.asOf.value}</code>${report.asOf.defaulted ? ' (the end of the plan’s year, by default)' : ''}:
${report.asOf.meaning}.</p>
<p>Produced by Kurultai by replaying the event log, ${report.generatedAt}.</p>
</footer>
</body>
</html>
`.markup;
}

function adoption(report: PlanReport): Html {
  const { adoption, amendments, closure } = report.plan;
  const decision = (adoption?.decision ?? null) as DecisionRef;
  const adopted = adoption
    ? markup`<dl>
<dt>Adopted on</dt><dd>${adoption.adoptedOn}</dd>
<dt>Decision</dt><dd><code>${decision?.decisionId}</code> of meeting <code>${decision?.meetingId}</code></dd>
<dt>Adopting states</dt><dd>${adoption.adoptingStates.map((code) => stateLabel(report, code)).join(', ')}</dd>
</dl>`
    : markup`<p>Not adopted as of ${report.asOf.day}.</p>`;
  const amended = amendments.map((a) => {
    const d = a.decision as DecisionRef;
    return markup`<li>${a.amendedOn}: <code>${a.amendmentId}</code>, decision <code>${d?.decisionId}</code> of meeting <code>${d?.meetingId}</code></li>`;
  });
  return markup`<section>
<h2>Adoption</h2>
${adopted}
${amended.length > 0 ? markup`<p>Amendments:</p><ul>${amended}</ul>` : ''}
${closure ? markup`<p>Closed on ${closure.closedOn}${closure.reason ? `: ${english(closure.reason)}` : ''}.</p>` : ''}
</section>`;
}

function activityRow(report: PlanReport, a: ActivityView, n: number): Html {
  const width = Math.max(0, Math.min(100, a.progress));
  const institution = a.leadInstitutionId ? markup`<br><code>${a.leadInstitutionId}</code>` : '';
  return markup`<tr class="${a.overdue ? 'overdue' : 'on-time'}">
<td>${n}</td>
<td>${english(a.title)}<br><code>${a.id}</code></td>
<td>${a.kind}</td>
<td><span class="status ${a.status}">${STATUS[a.status] ?? a.status}</span></td>
<td class="progress"><span class="bar"><span style="width:${width}%"></span></span> ${a.progress}%</td>
<td>${stateLabel(report, a.leadState)}${institution}</td>
<td>${period(a.plannedStart, a.plannedEnd)}</td>
<td>${period(a.actualStart, a.actualEnd)}</td>
<td>${a.overdue ? markup`<b class="flag">Overdue</b>` : 'No'}</td>
</tr>
`;
}

function rollUp(
  title: string,
  column: string,
  rows: readonly RollUp[],
  label: (key: string) => string,
): Html {
  const body = rows.map(
    (r) => markup`<tr><td>${label(r.key)}</td><td>${r.activities}</td><td>${r.progress}%</td></tr>
`,
  );
  return markup`<div>
<h2>${title}</h2>
<table>
<thead><tr><th>${column}</th><th>Activities</th><th>Average progress</th></tr></thead>
<tbody>
${body}</tbody>
</table>
</div>`;
}

function period(start: string | null, end: string | null): string {
  if (!start && !end) return '—';
  if (!end || start === end) return start ?? '';
  return `${start ?? '…'} – ${end}`;
}
