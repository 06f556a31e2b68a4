import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';
import { given } from '../shared/testing/given-when-then.js';
import type { DesignateSignatory } from './protocol.commands.js';
import { protocolDecider } from './protocol.decider.js';
import {
  AZ,
  KZ,
  PROTOCOL_ID,
  UZ,
  designated,
  drafted,
  protocolCommand,
  signatureRecorded,
  signedProtocol,
} from './testing/protocol-fixtures.js';

const designate = (institutionId: string, signatory: DesignateSignatory['data']['signatory']) =>
  protocolCommand('DesignateSignatory', { protocolId: PROTOCOL_ID, institutionId, signatory });
const designatedAs = (institutionId: string, name: string, title: LocalizedText | null) => ({
  type: 'SignatoryDesignated' as const,
  data: { protocolId: PROTOCOL_ID, institutionId, signatory: { name, title } },
});

describe('DesignateSignatory', () => {
  it('designates who signs for a party, with or without a title', () => {
    given(protocolDecider, [drafted()])
      .when(designate(KZ, { name: 'Head of kz-otandastar', title: { en: 'Chairman' } }))
      .then([designated(KZ)]);
    given(protocolDecider, [drafted()])
      .when(designate(UZ, { name: 'Chairman of the Committee' }))
      .then([designatedAs(UZ, 'Chairman of the Committee', null)]);
  });

  it('designates someone else before the party signs', () => {
    given(protocolDecider, [drafted(), designated(UZ), designated(KZ), signatureRecorded(KZ)])
      .when(designate(UZ, { name: 'Deputy Chairman' }))
      .then([designatedAs(UZ, 'Deputy Chairman', null)]);
  });

  it('refuses a new designation once the party has signed', () => {
    given(protocolDecider, [drafted(), designated(KZ), signatureRecorded(KZ)])
      .when(designate(KZ, { name: 'Someone else' }))
      .thenRefuses(StateConflict, 'protocol.already-signed-by-party');
  });

  it('refuses a signatory for an institution that is not a party', () => {
    given(protocolDecider, [drafted()])
      .when(designate(AZ, { name: 'Head' }))
      .thenRefuses(RuleViolation, 'protocol.not-a-party');
  });

  it('refuses a blank name, and a title without English or with a blank translation', () => {
    given(protocolDecider, [drafted()])
      .when(designate(KZ, { name: ' ' }))
      .thenRefuses(RuleViolation, 'protocol.signatory-name-required');
    given(protocolDecider, [drafted()])
      .when(designate(KZ, { name: 'Head', title: { en: ' ' } }))
      .thenRefuses(RuleViolation, 'text.english-required');
    given(protocolDecider, [drafted()])
      .when(designate(KZ, { name: 'Head', title: { en: 'Chairman', kk: '' } }))
      .thenRefuses(RuleViolation, 'text.blank-translation');
  });

  it('refuses a designation on a protocol never drafted, or terminated', () => {
    given(protocolDecider)
      .when(designate(KZ, { name: 'Head' }))
      .thenRefuses(EntityNotFound, 'protocol.not-found');
    const terminated = {
      type: 'ProtocolTerminated' as const,
      data: { protocolId: PROTOCOL_ID, date: '2025-01-01', reason: null },
    };
    given(protocolDecider, [...signedProtocol, terminated])
      .when(designate(KZ, { name: 'Head' }))
      .thenRefuses(RuleViolation, 'protocol.terminated');
  });
});
