import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { DraftProtocol } from './protocol.commands.js';
import { protocolDecider } from './protocol.decider.js';
import {
  AZ,
  INSTITUTIONS,
  KZ,
  KZ_MINISTRY,
  MEETING_ID,
  PROTOCOL_ID,
  SECRETARIAT,
  TASHKENT,
  TITLE,
  TR,
  UZ,
  drafted,
  protocolCommand,
} from './testing/protocol-fixtures.js';

type Data = DraftProtocol['data'];
const draft = (parties: readonly string[] = [KZ, UZ], data: Partial<Data> = {}) =>
  protocolCommand('DraftProtocol', {
    protocolId: PROTOCOL_ID,
    title: TITLE,
    parties: parties.map((institutionId) => ({ institutionId })),
    margins: { meetingId: MEETING_ID },
    facts: { parties: INSTITUTIONS, margins: TASHKENT },
    ...data,
  });
const refuses = (command: DraftProtocol, rule: string) =>
  given(protocolDecider).when(command).thenRefuses(RuleViolation, rule);

describe('DraftProtocol', () => {
  it('drafts a bilateral protocol to be signed on the margins of the Tashkent meeting', () => {
    given(protocolDecider).when(draft()).then([drafted()]);
  });

  it('drafts a multilateral protocol, with two institutions of one state and the Secretariat', () => {
    const parties = [AZ, KZ, KZ_MINISTRY, TR, UZ, SECRETARIAT];
    given(protocolDecider)
      .when(draft(parties, { margins: undefined, facts: { parties: INSTITUTIONS, margins: null } }))
      .then([drafted(parties, null)]);
  });

  it('refuses to draft the same protocol twice', () => {
    given(protocolDecider, [drafted()]).when(draft()).thenRefuses(StateConflict, 'protocol.already-drafted');
  });

  it('refuses fewer than two parties', () => {
    refuses(draft([KZ]), 'protocol.too-few-parties');
    refuses(draft([]), 'protocol.too-few-parties');
  });

  it('refuses parties from one state only: the Secretariat is not a state', () => {
    refuses(draft([KZ, KZ_MINISTRY]), 'protocol.parties-from-one-state');
    refuses(draft([KZ, SECRETARIAT]), 'protocol.parties-from-one-state');
  });

  it('refuses a party listed twice', () => {
    refuses(draft([KZ, UZ, KZ]), 'protocol.party-listed-twice');
  });

  it('refuses a blank party', () => {
    refuses(draft([KZ, ' ']), 'protocol.party-required');
  });

  it('refuses an institution that was never registered', () => {
    given(protocolDecider)
      .when(draft([KZ, 'uz-unknown']))
      .thenRefuses(EntityNotFound, 'protocol.party-institution-not-found');
  });

  it('refuses the margins of a meeting that was never scheduled', () => {
    given(protocolDecider)
      .when(draft([KZ, UZ], { facts: { parties: INSTITUTIONS, margins: null } }))
      .thenRefuses(EntityNotFound, 'protocol.margins-meeting-not-found');
  });

  it('refuses a title without English', () => {
    refuses(draft([KZ, UZ], { title: { ru: 'Протокол' } as never }), 'text.english-required');
  });
});
