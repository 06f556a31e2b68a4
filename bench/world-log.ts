import {
  activityStream,
  eventSchemaOf,
  followUpStream,
  institutionStream,
  meetingStream,
  planStream,
  protocolStream,
  stateStream,
  strategicDocumentStream,
  type ActivityEvent,
  type DecisionActivityRequest,
  type DecisionFollowUpRequest,
  type DecisionRecorded,
  type LocalizedText,
  type MeetingEvent,
  type PlanEvent,
} from '#coordination';
import type { Actor, EventStore, NewEvent, SourceReference } from '#event-store';
import { eventIdFor } from '#eventsourcing';
import {
  activityTitle,
  dayBefore,
  dayOf,
  DOCUMENTS,
  institutionIdOf,
  institutionName,
  kindOf,
  meetingIdOf,
  meetingTitle,
  MEMBERS,
  OBSERVERS,
  planIdOf,
  random,
  recordedAtOf,
  SECRETARIAT,
  SECTORS,
  STATES,
  statesOf,
  text,
  type WorldEvent,
} from './world-data.js';

/** What a generated log holds, to check the read models built from it. */
export interface WorldLog {
  readonly events: number;
  /** Calls to the store's `append` (consecutive commands on one stream share one). */
  readonly appends: number;
  /** Meetings started; the last few may be cut short by the event count. */
  readonly cycles: number;
  /** Events per type. */
  readonly types: Readonly<Record<string, number>>;
  /** Activities scheduled from a plan and completed: their plan rows end up `completed`. */
  readonly completedPlanActivities: number;
  /** Activities scheduled from an "agreed to organise" decision. */
  readonly decisionActivities: number;
}

/** One command's events, with the metadata the engine would write for it. */
interface Command {
  readonly stream: string;
  readonly type: string;
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly events: readonly WorldEvent[];
  readonly id: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly source: SourceReference | null;
}

const FOUNDED = '2009-10-03';
const officer = (n: number): Actor => ({
  id: `secretariat-officer-${1 + (n % 3)}`,
  role: 'secretariat',
  state: null,
});
const focalPoint = (state: string): Actor => ({
  id: `focal-point-${state.toLowerCase()}`,
  role: 'focal-point',
  state,
});
const PROCESS: Actor = { id: 'process:decision-follow-through', role: 'system', state: null };

/**
 * The life of the OTS as the engine would record it, one meeting a cycle: a sectoral plan drafted
 * with its activities; the meeting with agenda, delegations, decisions (the plan adopted, activities
 * and follow-ups agreed to organise, documents noted), a briefing; what the process manager does
 * about the decisions; then, in later cycles, the activities scheduled from the plan living their
 * lives (postponed, started, progress, completed or cancelled), follow-ups, protocols drafted on the
 * margins and signed, renamed institutions and corrected records. Deterministic: the same size
 * gives the same log, and a smaller log is a prefix of a larger one.
 */
class World {
  private commands = 0;
  /** The cycle being generated, and its commands so far. */
  private now = -1;
  private out: Command[] = [];
  private readonly later = new Map<number, Command[]>();
  private readonly rnd = random(20_091_003);
  private readonly renamed = new Map<string, number>();

  founding(): Command[] {
    const out: Command[] = [];
    for (const s of STATES) {
      const membership = s.member ? ('member' as const) : ('observer' as const);
      out.push(
        this.command(stateStream(s.code), 'RegisterState', FOUNDED, [
          { type: 'StateRegistered', data: { code: s.code, name: s.name, membership, since: FOUNDED } },
        ]),
      );
    }
    const register = (institutionId: string, state: string | null, name: LocalizedText) =>
      this.command(institutionStream(institutionId), 'RegisterInstitution', FOUNDED, [
        {
          type: 'InstitutionRegistered',
          data: { institutionId, state, name, parent: null, validFrom: FOUNDED },
        },
      ]);
    out.push(register(SECRETARIAT, null, text('Secretariat of the Organization of Turkic States')));
    for (const s of STATES)
      SECTORS.forEach((_, k) =>
        out.push(register(institutionIdOf(s.code, k), s.code, institutionName(s.code, k, 0))),
      );
    DOCUMENTS.forEach((documentId, n) =>
      out.push(
        this.command(strategicDocumentStream(documentId), 'RegisterStrategicDocument', FOUNDED, [
          {
            type: 'StrategicDocumentRegistered',
            data: {
              documentId,
              title: text(documentId.replace(/-/g, ' ')),
              kind: (['vision', 'strategy', 'other', 'declaration'] as const)[n],
              adoptedAt: `20${String(9 + n * 4).padStart(2, '0')}-11-12`,
              adoptedAtPlace: STATES[n].capital,
              source: { kind: 'official-site', title: 'turkicstates.org', url: null, date: null },
            },
          },
        ]),
      ),
    );
    return out;
  }

  /** The commands deferred to cycle `c` by earlier cycles, in the order they were deferred. */
  due(c: number): Command[] {
    const commands = this.later.get(c) ?? [];
    this.later.delete(c);
    return commands;
  }

  /** Cycle `c`: a plan, a meeting adopting it, and what the meeting sets going. */
  cycle(c: number): Command[] {
    this.now = c;
    const out: Command[] = (this.out = []);
    const day = dayOf(c);
    const meetingId = meetingIdOf(c);
    const sector = c % SECTORS.length;
    const host = MEMBERS[Math.floor(c / SECTORS.length) % MEMBERS.length];
    const city = STATES.find((s) => s.code === host)!.capital;
    const title = meetingTitle(c);
    const source: SourceReference = { kind: 'minutes', title: `Minutes: ${title.en}`, date: day };
    const planId = this.plan(c, out, source);

    const meeting = (type: string, event: MeetingEvent) =>
      out.push(this.command(meetingStream(meetingId), type, day, [event], source, officer(c)));
    meeting('ScheduleMeeting', {
      type: 'MeetingScheduled',
      data: {
        meetingId,
        seriesId: `${SECTORS[sector]}-ministerial`,
        number: Math.floor(c / 12) + 1,
        title,
        hostState: host,
        hostInstitutionId: institutionIdOf(host, sector),
        city,
        date: day,
      },
    });
    for (let order = 1; order <= 3; order++)
      meeting('AddAgendaItem', {
        type: 'AgendaItemAdded',
        data: {
          meetingId,
          itemId: `item-${order}`,
          title: text(`Agenda item ${order} of ${meetingId}`),
          order,
        },
      });
    const observers = OBSERVERS.slice(0, this.rnd(OBSERVERS.length + 1));
    for (const state of [...MEMBERS, ...observers]) {
      const level = (['minister', 'deputy-minister', 'head-of-institution', 'ambassador'] as const)[
        this.rnd(4)
      ];
      const membership = (MEMBERS as readonly string[]).includes(state)
        ? ('member' as const)
        : ('observer' as const);
      meeting('AccreditDelegation', {
        type: 'DelegationAccredited',
        data: { meetingId, state, membership, headOfDelegation: `Head of the delegation of ${state}`, level },
      });
    }
    meeting('ConveneMeeting', {
      type: 'MeetingConvened',
      data: { meetingId, memberStatesPresent: [...MEMBERS] },
    });
    const organise = this.organise(c, host);
    const followUps = this.followUpsOf(c);
    const decisions = [
      this.decision(meetingId, 'd-1', 'adopted', planId, [], [], []),
      this.decision(meetingId, 'd-2', 'agreed-to-organise', null, [], organise, followUps),
      this.decision(meetingId, 'd-3', 'noted', null, [DOCUMENTS[c % DOCUMENTS.length]], [], []),
    ];
    const recorded = decisions.map((d) => {
      meeting('RecordDecision', d);
      return out[out.length - 1];
    });
    meeting('RecordBriefing', {
      type: 'BriefingDelivered',
      data: {
        meetingId,
        briefingId: 'briefing-1',
        by: { institutionId: SECRETARIAT, role: text('Secretary-General') },
        topic: text(`Implementation of the plans of ${SECTORS[sector]}`),
        citesStrategicDocuments: [DOCUMENTS[0], DOCUMENTS[(c + 1) % DOCUMENTS.length]],
      },
    });
    meeting('CloseMeeting', { type: 'MeetingClosed', data: { meetingId } });

    // The process manager follows the decisions through.
    const cause = (n: number) => ({ command: recorded[n], index: 0 });
    out.push(
      this.command(
        planStream(planId),
        'AdoptPlan',
        day,
        [
          {
            type: 'PlanAdopted',
            data: {
              planId,
              seriesId: `${SECTORS[sector]}-ministerial`,
              year: Number(day.slice(0, 4)),
              decision: { meetingId, decisionId: 'd-1' },
              adoptedOn: day,
              adoptingStates: [...MEMBERS],
            },
          },
        ],
        source,
        PROCESS,
        cause(0),
      ),
    );
    organise.forEach((activity, j) => {
      const { lead, participating } = statesOf(c + j);
      const { kind, ...fields } = activity;
      out.push(
        this.command(
          activityStream(activity.activityId),
          kind === 'forum' ? 'ScheduleForum' : 'ScheduleActivity',
          day,
          [
            {
              type: 'ActivityScheduled',
              data: {
                ...fields,
                kind,
                leadState: lead,
                participatingStates: participating,
                plannedStart: activity.plannedStart!,
                plannedEnd: activity.plannedEnd!,
                planId: null,
                planActivityId: null,
                meetingId,
                decisionId: 'd-2',
                hostState: lead,
              },
            },
          ],
          source,
          PROCESS,
          cause(1),
        ),
      );
      this.live(activity.activityId, c + 3 + j, 1 + this.rnd(4), lead);
    });
    followUps.forEach((f) => this.followUp(c, meetingId, f, cause(1)));
    if (c % 2 === 0) this.protocol(c, sector);
    if (c % 10 === 5) this.defer(c + 1, this.correction(c, meetingId, decisions[2], source));
    const renaming = Math.floor(c / 40);
    if (c % 40 === 20)
      out.push(this.rename(c, MEMBERS[renaming % MEMBERS.length], renaming % SECTORS.length));
    return out;
  }

  /** The plan the meeting of cycle `c` adopts, drafted just before, and its activities scheduled later. */
  private plan(c: number, out: Command[], source: SourceReference): string {
    const planId = planIdOf(c);
    const day = dayOf(c);
    const seriesId = `${SECTORS[c % SECTORS.length]}-ministerial`;
    const events: PlanEvent[] = [
      {
        type: 'PlanDrafted',
        data: {
          planId,
          seriesId,
          year: Number(day.slice(0, 4)),
          title: text(`Joint Activity Plan ${planId}`),
        },
      },
    ];
    const planned = 12 + this.rnd(17);
    for (let i = 0; i < planned; i++) {
      const { lead, participating } = statesOf(c + i);
      const start = c + 4 + this.rnd(12);
      const duration = 1 + this.rnd(6);
      const kind = kindOf(c + i);
      const leadInstitutionId = i % 3 === 0 ? institutionIdOf(lead, c) : null;
      const activity = {
        activityId: `a-${i}`,
        kind,
        title: activityTitle(kind, `${planId}/a-${i}`),
        leadState: lead,
        leadInstitutionId,
        participatingStates: participating,
        plannedStart: dayOf(start),
        plannedEnd: dayOf(start + duration),
      };
      events.push({ type: 'ActivityAddedToPlan', data: { planId, ...activity } });
      if (this.rnd(100) >= 85) continue;
      const activityId = `pa-${c}-${i}`;
      const city = STATES.find((s) => s.code === lead)!.capital;
      this.defer(
        c + 1 + this.rnd(3),
        this.command(
          activityStream(activityId),
          kind === 'forum' ? 'ScheduleForum' : 'ScheduleActivity',
          dayOf(c + 1),
          [
            {
              type: 'ActivityScheduled',
              data: {
                ...activity,
                activityId,
                planId,
                planActivityId: `a-${i}`,
                meetingId: null,
                decisionId: null,
                city,
                hostState: lead,
                withNgos: null,
              },
            },
          ],
          source,
          officer(c + i),
        ),
      );
      this.live(activityId, start, duration, lead);
    }
    events.forEach((event, n) =>
      out.push(
        this.command(
          planStream(planId),
          n === 0 ? 'DraftPlan' : 'AddActivityToPlan',
          day,
          [event],
          source,
          officer(c),
        ),
      ),
    );
    return planId;
  }

  /** An activity's life from `start`: sometimes cancelled or postponed first, mostly run and completed. */
  private live(activityId: string, start: number, duration: number, lead: string): void {
    const stream = activityStream(activityId);
    const fate = this.rnd(100);
    const step = (cycle: number, type: string, event: ActivityEvent) =>
      this.defer(cycle, this.command(stream, type, dayOf(cycle), [event], null, focalPoint(lead)));
    if (fate < 8) {
      step(start - 1, 'CancelActivity', {
        type: 'ActivityCancelled',
        data: { activityId, reason: text('Cancelled at the request of the lead state') },
      });
      return;
    }
    let from = start;
    if (fate < 18) {
      from = start + 5;
      step(start - 1, 'PostponeActivity', {
        type: 'ActivityPostponed',
        data: {
          activityId,
          previousStart: dayOf(start),
          previousEnd: dayOf(start + duration),
          newStart: dayOf(from),
          newEnd: dayOf(from + duration),
          reason: text('Postponed to fit the ministers’ calendars'),
        },
      });
    }
    step(from, 'StartActivity', { type: 'ActivityStarted', data: { activityId, startedOn: dayOf(from) } });
    const reports = 1 + this.rnd(2);
    for (let k = 1; k <= reports; k++) {
      const at = from + Math.min(k, duration - 1);
      step(at, 'ReportProgress', {
        type: 'ProgressReported',
        data: { activityId, progress: Math.min(95, 30 * k + this.rnd(20)), note: null, asOf: dayOf(at) },
      });
    }
    if (fate < 88)
      step(from + duration, 'CompleteActivity', {
        type: 'ActivityCompleted',
        data: { activityId, completedOn: dayOf(from + duration), outcome: text('Held as planned') },
      });
  }

  private organise(c: number, host: string): DecisionActivityRequest[] {
    return Array.from({ length: 1 + this.rnd(2) }, (_, j) => {
      const kind = j === 0 ? 'forum' : kindOf(c + j + 1);
      const { lead, participating } = statesOf(c + j);
      const activityId = `da-${c}-${j}`;
      return {
        activityId,
        kind,
        title: activityTitle(kind, activityId),
        leadState: lead,
        leadInstitutionId: institutionIdOf(lead, c),
        participatingStates: participating,
        plannedStart: dayOf(c + 3 + j),
        plannedEnd: dayOf(c + 5 + j),
        city: STATES.find((s) => s.code === host)!.capital,
        withNgos: j % 2 === 0,
      };
    });
  }

  private followUpsOf(c: number): DecisionFollowUpRequest[] {
    return Array.from({ length: 1 + this.rnd(2) }, (_, j) => {
      const state = MEMBERS[(c + j) % MEMBERS.length];
      return {
        followUpId: `fu-${c}-${j}`,
        assignee: { state, institutionId: institutionIdOf(state, c) },
        description: text(`Report on the implementation of decision d-2, part ${j + 1}`),
        dueDate: dayOf(c + 30),
      };
    });
  }

  private followUp(
    c: number,
    meetingId: string,
    f: DecisionFollowUpRequest,
    cause: { command: Command; index: number },
  ): void {
    const stream = followUpStream(f.followUpId);
    const actor = focalPoint(f.assignee.state ?? 'TR');
    this.defer(
      c,
      this.command(
        stream,
        'AssignFollowUp',
        dayOf(c),
        [
          {
            type: 'FollowUpAssigned',
            data: { ...f, decision: { meetingId, decisionId: 'd-2' }, decidedOn: dayOf(c) },
          },
        ],
        null,
        PROCESS,
        cause,
      ),
    );
    const status = (
      at: number,
      status: 'in-progress' | 'implemented',
      previousStatus: 'not-started' | 'in-progress',
    ) =>
      this.defer(
        at,
        this.command(
          stream,
          'UpdateImplementationStatus',
          dayOf(at),
          [
            {
              type: 'ImplementationStatusUpdated',
              data: { followUpId: f.followUpId, status, previousStatus, note: null },
            },
          ],
          null,
          actor,
        ),
      );
    status(c + 4, 'in-progress', 'not-started');
    this.defer(
      c + 5,
      this.command(
        stream,
        'ScheduleReview',
        dayOf(c + 5),
        [
          {
            type: 'ReviewScheduled',
            data: { followUpId: f.followUpId, reviewOn: dayOf(c + 20), meetingId: null },
          },
        ],
        null,
        officer(c),
      ),
    );
    if (this.rnd(4) > 0) status(c + 12, 'implemented', 'in-progress');
  }

  /** A protocol between ministries, drafted now, signed on the margins of the meeting two cycles on. */
  private protocol(c: number, sector: number): void {
    const protocolId = `cooperation-${SECTORS[sector]}-${c}`;
    const stream = protocolStream(protocolId);
    const parties = MEMBERS.slice(0, 2 + this.rnd(2)).map((_, j) => {
      const state = MEMBERS[(c + j) % MEMBERS.length];
      return { institutionId: institutionIdOf(state, sector), state };
    });
    const signedOn = dayOf(c + 2);
    const place = STATES.find((s) => s.code === MEMBERS[Math.floor((c + 2) / 12) % MEMBERS.length])!.capital;
    const step = (at: number, type: string, event: WorldEvent) =>
      this.defer(at, this.command(stream, type, dayOf(at), [event], null, officer(c)));
    step(c, 'DraftProtocol', {
      type: 'ProtocolDrafted',
      data: {
        protocolId,
        title: text(`Protocol of cooperation in ${SECTORS[sector]}, ${c}`),
        parties,
        margins: { meetingId: meetingIdOf(c + 2) },
      },
    });
    for (const p of parties)
      step(c + 1, 'DesignateSignatory', {
        type: 'SignatoryDesignated',
        data: {
          protocolId,
          institutionId: p.institutionId,
          signatory: { name: `Minister of ${p.state}`, title: { en: 'Minister' } },
        },
      });
    for (const p of parties) {
      const name = institutionName(p.state, sector, this.renamed.get(p.institutionId) ?? 0);
      step(c + 2, 'RecordSignature', {
        type: 'ProtocolSignatureRecorded',
        data: {
          protocolId,
          institutionId: p.institutionId,
          state: p.state,
          institutionName: name,
          signatory: { name: `Minister of ${p.state}`, title: { en: 'Minister' } },
          signedOn,
          place,
        },
      });
    }
    step(c + 2, 'RecordSignature', {
      type: 'ProtocolSigned',
      data: { protocolId, signedOn, parties: parties.map((p) => p.institutionId) },
    });
    if (this.rnd(10) < 7)
      step(c + 10, 'RecordEntryIntoForce', {
        type: 'ProtocolEnteredIntoForce',
        data: { protocolId, date: dayOf(c + 10) },
      });
  }

  private correction(
    c: number,
    meetingId: string,
    noted: DecisionRecorded,
    source: SourceReference,
  ): Command {
    const original = noted.data.text;
    return this.command(
      meetingStream(meetingId),
      'CorrectRecord',
      dayOf(c + 1),
      [
        {
          type: 'RecordCorrected',
          data: {
            meetingId,
            correctionId: `correction-${c}`,
            target: { kind: 'decision', id: 'd-3' },
            field: 'text',
            originalValue: original,
            correctedValue: { ...original, en: `${original.en} (corrected)` },
            reason: text('Typing error in the minutes'),
          },
        },
      ],
      source,
      officer(c),
    );
  }

  private rename(c: number, state: string, sector: number): Command {
    const institutionId = institutionIdOf(state, sector);
    const times = (this.renamed.get(institutionId) ?? 0) + 1;
    this.renamed.set(institutionId, times);
    const day = dayOf(c);
    return this.command(
      institutionStream(institutionId),
      'RenameInstitution',
      day,
      [
        {
          type: 'InstitutionRenamed',
          data: {
            institutionId,
            name: institutionName(state, sector, times),
            parent: null,
            validFrom: day,
            previousValidTo: dayBefore(day),
          },
        },
      ],
      null,
      officer(c),
    );
  }

  private decision(
    meetingId: string,
    decisionId: string,
    kind: 'adopted' | 'agreed-to-organise' | 'noted',
    planId: string | null,
    cites: string[],
    organise: DecisionActivityRequest[],
    followUps: DecisionFollowUpRequest[],
  ): DecisionRecorded {
    return {
      type: 'DecisionRecorded',
      data: {
        meetingId,
        decisionId,
        kind,
        text: text(`Decision ${decisionId} of ${meetingId}: ${kind.replace(/-/g, ' ')}`),
        subject: { planId },
        adoptingStates: [...MEMBERS],
        agendaItemId: `item-${decisionId.slice(2)}`,
        documents: planId
          ? [{ documentId: null, title: text(`Joint Activity Plan ${planId}`), url: null }]
          : [],
        citesStrategicDocuments: cites,
        organise,
        followUps,
      },
    };
  }

  private command(
    stream: string,
    type: string,
    occurredAt: string,
    events: readonly WorldEvent[],
    source: SourceReference | null = null,
    actor: Actor = officer(0),
    cause?: { command: Command; index: number },
  ): Command {
    const id = `bench-command-${this.commands++}`;
    return {
      stream,
      type,
      actor,
      occurredAt,
      events,
      id,
      correlationId: cause?.command.correlationId ?? id,
      causationId: cause ? eventIdFor(cause.command.id, cause.index) : null,
      source,
    };
  }

  /** Keeps a command for a later cycle; one for this cycle goes out now, after what is there. */
  private defer(cycle: number, command: Command): void {
    if (cycle <= this.now) {
      this.out.push(command);
      return;
    }
    const list = this.later.get(cycle);
    if (list) list.push(command);
    else this.later.set(cycle, [command]);
  }
}

/** Appends the commands' events, consecutive commands on one stream in one append, until `total`. */
class Writer {
  events = 0;
  appends = 0;
  readonly types: Record<string, number> = {};
  completedPlanActivities = 0;
  decisionActivities = 0;
  private cycle = 0;
  private appendsThisCycle = 0;

  constructor(
    private readonly store: EventStore,
    private readonly total: number,
  ) {}

  get full(): boolean {
    return this.events >= this.total;
  }

  async write(cycle: number, commands: readonly Command[]): Promise<void> {
    for (let i = 0; i < commands.length && !this.full;) {
      const stream = commands[i].stream;
      if (cycle !== this.cycle) [this.cycle, this.appendsThisCycle] = [cycle, 0];
      const recordedAt = recordedAtOf(cycle, this.appendsThisCycle++);
      const batch: NewEvent[] = [];
      for (; i < commands.length && commands[i].stream === stream; i++)
        batch.push(...toNewEvents(commands[i], recordedAt));
      const kept = batch.slice(0, this.total - this.events);
      await this.store.append(stream, kept);
      this.appends++;
      this.events += kept.length;
      for (const event of kept) this.count(event);
    }
  }

  private count({ type, data }: NewEvent): void {
    this.types[type] = (this.types[type] ?? 0) + 1;
    if (type === 'ActivityCompleted' && String(data.activityId).startsWith('pa-'))
      this.completedPlanActivities++;
    if (type === 'ActivityScheduled' && data.decisionId !== null) this.decisionActivities++;
  }
}

function toNewEvents(command: Command, recordedAt: string): NewEvent[] {
  return command.events.map((event, index) => ({
    id: eventIdFor(command.id, index),
    type: event.type,
    // The version the domain writes today (the signatory's title per language is version 2).
    schemaVersion: eventSchemaOf(event.type)?.version ?? 1,
    data: event.data as unknown as Record<string, unknown>,
    metadata: {
      actor: command.actor,
      commandId: command.id,
      commandType: command.type,
      correlationId: command.correlationId,
      causationId: command.causationId,
      occurredAt: command.occurredAt,
      recordedAt,
      source: command.source,
      visibility: 'public',
    },
  }));
}

/** Appends exactly `total` events of the generated world to the store. */
export async function writeWorldLog(store: EventStore, total: number): Promise<WorldLog> {
  const world = new World();
  const writer = new Writer(store, total);
  await writer.write(0, world.founding());
  let cycle = 0;
  for (; !writer.full; cycle++) await writer.write(cycle, [...world.due(cycle), ...world.cycle(cycle)]);
  return {
    events: writer.events,
    appends: writer.appends,
    cycles: cycle,
    types: writer.types,
    completedPlanActivities: writer.completedPlanActivities,
    decisionActivities: writer.decisionActivities,
  };
}
