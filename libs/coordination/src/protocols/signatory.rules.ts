import { StateConflict } from '#eventsourcing/decider.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertText } from '../shared/required.js';
import type { DesignateSignatory } from './protocol.commands.js';
import type { DraftedProtocol, ProtocolPartyRecord, SignatoryDesignated } from './protocol.js';
import { assertNotTerminated, existingParty } from './protocol.guards.js';

/** A party names who signs for it; it may name someone else until it has signed. */
export function designateSignatory(
  command: DesignateSignatory,
  protocol: DraftedProtocol,
): [SignatoryDesignated] {
  const { protocolId, institutionId, signatory } = command.data;
  assertNotTerminated(protocol);
  assertNotSignedBy(existingParty(protocol, institutionId), protocolId);
  assertText(signatory?.name, 'protocol.signatory-name-required', 'signatory.name');
  const title = signatory.title ?? null;
  if (title !== null) assertLocalizedText(title, 'signatory.title');
  return [
    {
      type: 'SignatoryDesignated',
      data: {
        protocolId,
        institutionId,
        signatory: { name: signatory.name, title },
      },
    },
  ];
}

/** Each party signs once; after that its signature, and who gave it, stand. */
export function assertNotSignedBy(party: ProtocolPartyRecord, protocolId: string): void {
  if (party.signature !== null) {
    throw new StateConflict(
      'protocol.already-signed-by-party',
      `${party.institutionId} signed protocol ${protocolId} on ${party.signature.signedOn}`,
      'institutionId',
    );
  }
}
