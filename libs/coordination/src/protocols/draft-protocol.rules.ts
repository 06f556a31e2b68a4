import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertText } from '../shared/required.js';
import type { DraftProtocol } from './protocol.commands.js';
import type { ProtocolDrafted, ProtocolParty, ProtocolState } from './protocol.js';
import { assertPartySpread } from './protocol.guards.js';

export function draftProtocol(command: DraftProtocol, state: ProtocolState): [ProtocolDrafted] {
  const data = command.data;
  if (state.status !== 'none') {
    throw new StateConflict(
      'protocol.already-drafted',
      `protocol ${data.protocolId} is already drafted`,
      'protocolId',
    );
  }
  assertText(data.protocolId, 'protocol.id-required', 'protocolId');
  assertLocalizedText(data.title, 'title');
  const parties = partiesOf(command);
  assertPartySpread(parties, 'parties');
  const margins = data.margins ?? null;
  if (margins !== null) {
    assertText(margins.meetingId, 'protocol.margins-meeting-required', 'margins.meetingId');
    if (data.facts.margins?.meetingId !== margins.meetingId) {
      throw new EntityNotFound(
        'protocol.margins-meeting-not-found',
        `meeting ${margins.meetingId} has not been scheduled`,
        'margins.meetingId',
      );
    }
  }
  return [
    {
      type: 'ProtocolDrafted',
      data: {
        protocolId: data.protocolId,
        title: data.title,
        parties,
        margins: margins && { meetingId: margins.meetingId },
      },
    },
  ];
}

/** Each listed party once, each known to the Institution aggregate, with its state. */
function partiesOf({ data }: DraftProtocol): ProtocolParty[] {
  if (!Array.isArray(data.parties)) {
    throw new RuleViolation('protocol.too-few-parties', 'list the parties of the protocol', 'parties');
  }
  return data.parties.map(({ institutionId }, index) => {
    const field = `parties[${index}].institutionId`;
    assertText(institutionId, 'protocol.party-required', field);
    if (data.parties.findIndex((p) => p.institutionId === institutionId) !== index) {
      throw new RuleViolation('protocol.party-listed-twice', `${institutionId} is listed twice`, field);
    }
    const facts = data.facts.parties.find((p) => p.institutionId === institutionId);
    if (!facts) {
      throw new EntityNotFound(
        'protocol.party-institution-not-found',
        `institution ${institutionId} has not been registered`,
        field,
      );
    }
    return { institutionId, state: facts.state };
  });
}
