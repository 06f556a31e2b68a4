import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import { protocolDecider } from './protocol.decider.js';
import type { ProtocolEvent } from './protocol.js';
import {
  KZ,
  PROTOCOL_ID,
  protocolCommand,
  readyToSign,
  signatureRecorded,
  signedProtocol,
} from './testing/protocol-fixtures.js';

const protocolId = PROTOCOL_ID;
const enterIntoForce = (date: string) => protocolCommand('RecordEntryIntoForce', { protocolId, date });
const terminate = (date: string, reason?: { en: string }) =>
  protocolCommand('TerminateProtocol', { protocolId, date, ...(reason ? { reason } : {}) });
const inForce = (date: string): ProtocolEvent => ({
  type: 'ProtocolEnteredIntoForce',
  data: { protocolId, date },
});
const terminated = (date: string, reason: { en: string } | null = null): ProtocolEvent => ({
  type: 'ProtocolTerminated',
  data: { protocolId, date, reason },
});
const inForceProtocol = [...signedProtocol, inForce('2024-12-18')];

describe('RecordEntryIntoForce', () => {
  it('records entry into force on the signing day or later', () => {
    given(protocolDecider, signedProtocol)
      .when(enterIntoForce('2024-11-18'))
      .then([inForce('2024-11-18')]);
    given(protocolDecider, signedProtocol)
      .when(enterIntoForce('2024-12-18'))
      .then([inForce('2024-12-18')]);
  });

  it('refuses entry into force before every party has signed', () => {
    given(protocolDecider, readyToSign)
      .when(enterIntoForce('2024-12-18'))
      .thenRefuses(RuleViolation, 'protocol.not-signed');
    given(protocolDecider, [...readyToSign, signatureRecorded(KZ)])
      .when(enterIntoForce('2024-12-18'))
      .thenRefuses(RuleViolation, 'protocol.not-signed');
  });

  it('refuses entry into force before the signing day', () => {
    given(protocolDecider, signedProtocol)
      .when(enterIntoForce('2024-11-17'))
      .thenRefuses(RuleViolation, 'protocol.in-force-before-signing');
  });

  it('refuses to record it twice, or after termination', () => {
    given(protocolDecider, inForceProtocol)
      .when(enterIntoForce('2024-12-20'))
      .thenRefuses(StateConflict, 'protocol.already-in-force');
    given(protocolDecider, [...signedProtocol, terminated('2024-12-01')])
      .when(enterIntoForce('2024-12-20'))
      .thenRefuses(RuleViolation, 'protocol.terminated');
  });

  it('refuses a protocol never drafted', () => {
    given(protocolDecider)
      .when(enterIntoForce('2024-12-20'))
      .thenRefuses(EntityNotFound, 'protocol.not-found');
  });
});

describe('TerminateProtocol', () => {
  it('terminates a protocol in force, with a reason', () => {
    const reason = { en: 'Replaced by the Protocol of 2026' };
    given(protocolDecider, inForceProtocol)
      .when(terminate('2026-01-01', reason))
      .then([terminated('2026-01-01', reason)]);
  });

  it('terminates a signed protocol that never entered into force', () => {
    given(protocolDecider, signedProtocol)
      .when(terminate('2024-11-18'))
      .then([terminated('2024-11-18')]);
  });

  it('refuses to terminate a protocol not signed by every party', () => {
    given(protocolDecider, readyToSign)
      .when(terminate('2025-01-01'))
      .thenRefuses(RuleViolation, 'protocol.not-signed');
  });

  it('refuses a termination before the signing day or before entry into force', () => {
    given(protocolDecider, signedProtocol)
      .when(terminate('2024-11-17'))
      .thenRefuses(RuleViolation, 'protocol.terminated-before-signing');
    given(protocolDecider, inForceProtocol)
      .when(terminate('2024-12-01'))
      .thenRefuses(RuleViolation, 'protocol.terminated-before-entry-into-force');
  });

  it('refuses a second termination: termination is final', () => {
    given(protocolDecider, [...inForceProtocol, terminated('2026-01-01')])
      .when(terminate('2026-02-01'))
      .thenRefuses(StateConflict, 'protocol.already-terminated');
  });

  it('refuses a reason without English', () => {
    given(protocolDecider, inForceProtocol)
      .when(
        protocolCommand('TerminateProtocol', {
          protocolId,
          date: '2026-01-01',
          reason: { tr: 'Sona erdi' } as never,
        }),
      )
      .thenRefuses(RuleViolation, 'text.english-required');
  });
});
