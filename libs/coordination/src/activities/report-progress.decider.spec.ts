import { RuleViolation } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { ReportProgress } from './activity.commands.js';
import { activityDecider } from './activity.decider.js';
import type { ProgressReported } from './activity.js';
import {
  ACTIVITY_ID,
  activityCommand,
  completed,
  progressed,
  scheduled,
  started,
} from './testing/activity-fixtures.js';

const report = (data: Partial<ReportProgress['data']> = {}) =>
  activityCommand('ReportProgress', { activityId: ACTIVITY_ID, progress: 40, asOf: '2025-05-21', ...data });
const reported = (data: Partial<ProgressReported['data']> = {}): ProgressReported => ({
  type: 'ProgressReported',
  data: { activityId: ACTIVITY_ID, progress: 40, note: null, asOf: '2025-05-21', ...data },
});
const running = [scheduled(), started()];

describe('ReportProgress', () => {
  it('reports progress on a started activity, with a note', () => {
    const note = { en: 'Registration of NGOs closed', tr: 'STK kayıtları kapandı' };
    given(activityDecider, running)
      .when(report({ note }))
      .then([reported({ note })]);
  });

  it('reports 0% on the first day and 99% at most', () => {
    given(activityDecider, running)
      .when(report({ progress: 0, asOf: '2025-05-20' }))
      .then([reported({ progress: 0, asOf: '2025-05-20' })]);
    given(activityDecider, running)
      .when(report({ progress: 99 }))
      .then([reported({ progress: 99 })]);
  });

  it('repeats the same figure on a later day', () => {
    given(activityDecider, [...running, progressed(40, '2025-05-21')])
      .when(report({ asOf: '2025-05-22' }))
      .then([reported({ asOf: '2025-05-22' })]);
  });

  it('refuses 100%: only completing the activity reaches it', () => {
    given(activityDecider, running)
      .when(report({ progress: 100 }))
      .thenRefuses(RuleViolation, 'activity.progress-100-needs-completion');
  });

  it.each([-1, 101, 12.5, Number.NaN, '50' as never])('refuses the progress %p', (progress) => {
    given(activityDecider, running)
      .when(report({ progress }))
      .thenRefuses(RuleViolation, 'activity.progress-invalid');
  });

  it('refuses progress going down: corrections are not supported yet', () => {
    given(activityDecider, [...running, progressed(60)])
      .when(report({ progress: 50, asOf: '2025-05-22' }))
      .thenRefuses(RuleViolation, 'activity.progress-decreased');
  });

  it('refuses progress on an activity that has not started', () => {
    given(activityDecider, [scheduled()]).when(report()).thenRefuses(RuleViolation, 'activity.not-started');
  });

  it('refuses a report dated before the start, before the last report, or in the future', () => {
    given(activityDecider, running)
      .when(report({ asOf: '2025-05-19' }))
      .thenRefuses(RuleViolation, 'activity.progress-before-start');
    given(activityDecider, [...running, progressed(30, '2025-05-22')])
      .when(report({ asOf: '2025-05-21' }))
      .thenRefuses(RuleViolation, 'activity.progress-older-than-last');
    given(activityDecider, running)
      .when(report({ asOf: '2026-01-02' }))
      .thenRefuses(RuleViolation, 'activity.date-in-future');
  });

  it('refuses a note without English', () => {
    given(activityDecider, running)
      .when(report({ note: { ru: 'Заметка' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });

  it('refuses progress once the activity is completed', () => {
    given(activityDecider, [...running, completed])
      .when(report())
      .thenRefuses(RuleViolation, 'activity.final');
  });
});
