import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertIsoDate, compareIsoDates } from '../shared/iso-date.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import type { RecordEntryIntoForce, TerminateProtocol } from './protocol.commands.js';
import type { DraftedProtocol, ProtocolEnteredIntoForce, ProtocolTerminated } from './protocol.js';
import { assertNotTerminated } from './protocol.guards.js';

/** In force only once every party has signed, and not before the day of the last signature. */
export function recordEntryIntoForce(
  command: RecordEntryIntoForce,
  protocol: DraftedProtocol,
): [ProtocolEnteredIntoForce] {
  const { protocolId, date } = command.data;
  assertNotTerminated(protocol);
  if (protocol.status === 'in-force') {
    throw new StateConflict(
      'protocol.already-in-force',
      `protocol ${protocolId} entered into force on ${protocol.enteredIntoForceOn}`,
      'protocolId',
    );
  }
  const signedOn = assertSigned(protocol, 'enter into force');
  assertIsoDate(date, 'date');
  if (compareIsoDates(date, signedOn) < 0) {
    throw new RuleViolation(
      'protocol.in-force-before-signing',
      `protocol ${protocolId} was signed on ${signedOn}: it cannot enter into force on ${date}`,
      'date',
    );
  }
  return [{ type: 'ProtocolEnteredIntoForce', data: { protocolId, date } }];
}

/**
 * A signed protocol may be terminated whether or not its entry into force was recorded (some
 * never enter into force; many do so on signature without it being recorded), not before the
 * later of those days. Termination is final.
 */
export function terminateProtocol(
  command: TerminateProtocol,
  protocol: DraftedProtocol,
): [ProtocolTerminated] {
  const { protocolId, date, reason } = command.data;
  if (protocol.status === 'terminated') {
    throw new StateConflict(
      'protocol.already-terminated',
      `protocol ${protocolId} was terminated on ${protocol.terminatedOn}`,
      'protocolId',
    );
  }
  const signedOn = assertSigned(protocol, 'be terminated');
  assertIsoDate(date, 'date');
  const [rule, since] =
    protocol.enteredIntoForceOn === null
      ? ['protocol.terminated-before-signing', `was signed on ${signedOn}`]
      : [
          'protocol.terminated-before-entry-into-force',
          `entered into force on ${protocol.enteredIntoForceOn}`,
        ];
  if (compareIsoDates(date, protocol.enteredIntoForceOn ?? signedOn) < 0) {
    throw new RuleViolation(rule, `protocol ${protocolId} ${since}: it cannot end on ${date}`, 'date');
  }
  const given = reason ?? null;
  if (given !== null) assertLocalizedText(given, 'reason');
  return [{ type: 'ProtocolTerminated', data: { protocolId, date, reason: given } }];
}

function assertSigned(protocol: DraftedProtocol, what: string): string {
  if (protocol.signedOn === null) {
    const missing = protocol.parties.filter((p) => p.signature === null).map((p) => p.institutionId);
    throw new RuleViolation(
      'protocol.not-signed',
      `protocol ${protocol.protocolId} cannot ${what} before every party has signed; missing: ${missing.join(', ')}`,
      'protocolId',
    );
  }
  return protocol.signedOn;
}
