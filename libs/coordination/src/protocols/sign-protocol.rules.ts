import { EntityNotFound, RuleViolation } from '#eventsourcing/decider.js';
import { assertIsoDate, compareIsoDates } from '../shared/iso-date.js';
import { assertText } from '../shared/required.js';
import { isSamePlace } from './margins-facts.js';
import type { SignProtocol } from './protocol.commands.js';
import type {
  DraftedProtocol,
  ProtocolSignatureRecorded,
  ProtocolSigned,
  ProtocolSignature,
} from './protocol.js';
import { assertNotTerminated, existingParty } from './protocol.guards.js';
import { assertNotSignedBy } from './signatory.rules.js';

/** A party signs once, through its designated signatory; the last signature completes the protocol. */
export function signProtocol(
  command: SignProtocol,
  protocol: DraftedProtocol,
): [ProtocolSignatureRecorded] | [ProtocolSignatureRecorded, ProtocolSigned] {
  const { protocolId, institutionId, signedOn, place, facts } = command.data;
  assertNotTerminated(protocol);
  const party = existingParty(protocol, institutionId);
  assertNotSignedBy(party, protocolId);
  if (party.signatory === null) {
    throw new RuleViolation(
      'protocol.no-designated-signatory',
      `${institutionId} has not designated who signs for it (DesignateSignatory first)`,
      'institutionId',
    );
  }
  assertIsoDate(signedOn, 'signedOn');
  assertText(place, 'protocol.place-required', 'place');
  if (facts.party?.institutionId !== institutionId) {
    throw new EntityNotFound(
      'protocol.party-institution-not-found',
      `institution ${institutionId} has not been registered`,
      'institutionId',
    );
  }
  if (facts.party.nameOnSigningDate === null) {
    throw new RuleViolation(
      'protocol.party-not-yet-established',
      `institution ${institutionId} had no name on ${signedOn}: it did not exist yet`,
      'signedOn',
    );
  }
  assertOnTheMargins(command, protocol);
  const signature: ProtocolSignatureRecorded = {
    type: 'ProtocolSignatureRecorded',
    data: {
      protocolId,
      institutionId,
      state: party.state,
      institutionName: facts.party.nameOnSigningDate,
      signatory: party.signatory,
      signedOn,
      place,
    },
  };
  const others = protocol.parties.filter((p) => p.institutionId !== institutionId);
  const earlier = others.map((p) => p.signature).filter((s): s is ProtocolSignature => s !== null);
  if (earlier.length < others.length) return [signature];
  const lastDay = [signedOn, ...earlier.map((s) => s.signedOn)].sort(compareIsoDates).at(-1) ?? signedOn;
  const parties = protocol.parties.map((p) => p.institutionId);
  return [signature, { type: 'ProtocolSigned', data: { protocolId, signedOn: lastDay, parties } }];
}

/** Signed on the margins of a meeting: on the meeting's day, in the meeting's city. */
function assertOnTheMargins({ data }: SignProtocol, protocol: DraftedProtocol): void {
  if (protocol.margins === null) return;
  const meeting = data.facts.margins;
  if (meeting?.meetingId !== protocol.margins.meetingId) {
    throw new EntityNotFound(
      'protocol.margins-meeting-not-found',
      `meeting ${protocol.margins.meetingId} has not been scheduled`,
      'protocolId',
    );
  }
  if (data.signedOn !== meeting.date) {
    throw new RuleViolation(
      'protocol.margins-date-mismatch',
      `protocol ${protocol.protocolId} is signed on the margins of meeting ${meeting.meetingId}, ` +
        `held on ${meeting.date}, not on ${data.signedOn}`,
      'signedOn',
    );
  }
  if (!isSamePlace(data.place, meeting.city)) {
    throw new RuleViolation(
      'protocol.margins-place-mismatch',
      `protocol ${protocol.protocolId} is signed on the margins of meeting ${meeting.meetingId}, ` +
        `held in ${meeting.city}, not in ${data.place}`,
      'place',
    );
  }
}
