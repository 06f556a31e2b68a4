import type { ActivityView, PlanView } from '../../plan-implementation/plan-implementation.query.js';
import type { PlanReport } from '../plan-report.js';

const activity = (overrides: Partial<ActivityView>): ActivityView => ({
  id: 'forum-2025',
  kind: 'forum',
  title: { en: 'Turkic Diaspora Forum' },
  leadState: 'TR',
  leadInstitutionId: null,
  participatingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
  plannedStart: '2025-05-20',
  plannedEnd: '2025-05-22',
  status: 'in-progress',
  progress: 60,
  scheduledAs: 'forum-2025',
  actualStart: '2025-05-20',
  actualEnd: null,
  overdue: true,
  ...overrides,
});

/** A report whose every user-written text tries to break out of its HTML or CSV cell. */
export function hostileReport(): PlanReport {
  const activities = [
    activity({ title: { en: 'Forum <img src=x onerror=alert(1)> & Co' } }),
    activity({
      id: 'quotes',
      title: { en: 'The "Bishkek" round, 2025\r\nsecond line' },
      leadState: 'KZ',
      leadInstitutionId: 'KZ-" onmouseover="x',
      status: '"><b>',
      overdue: false,
    }),
    activity({
      id: 'formula',
      title: { en: '=HYPERLINK("http://evil","click")' },
      kind: '+cmd',
      progress: 0,
    }),
  ];
  const plan: PlanView = {
    id: 'diaspora-2025',
    seriesId: 'diaspora-ministerial',
    year: 2025,
    title: { en: '<script>alert("plan")</script>' },
    status: 'adopted',
    visibility: 'public',
    adoption: {
      decision: { meetingId: 'm"6', decisionId: '<d>' },
      adoptedOn: '2024-11-18',
      adoptingStates: ['AZ', 'TR'],
    },
    amendments: [
      { amendmentId: 'a<1>', decision: { meetingId: 'm', decisionId: 'd' }, amendedOn: '2025-01-01' },
    ],
    closure: { closedOn: '2025-12-31', reason: { en: '</section><script>x</script>' } },
    activities,
    summary: {
      activities: 3,
      progress: 40,
      overdue: 2,
      byState: [{ key: '<TR>', activities: 3, progress: 40 }],
      byKind: [{ key: 'forum"', activities: 3, progress: 40 }],
    },
    position: 41,
  };
  return {
    plan,
    asOf: {
      value: 'occurred:2025-12-31',
      defaulted: true,
      meaning: 'everything <up to> then',
      day: '2025-12-31',
    },
    logPosition: 42,
    stateNames: { TR: 'Türkiye', AZ: 'Azerbaijan <script>' },
    generatedAt: '2026-01-05T10:00:00.000Z',
  };
}
