import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import {
  AZ,
  KZ,
  SECRETARIAT,
  TASHKENT,
  TR,
  UZ,
  designated,
  drafted,
  protocolSigned,
  readyToSign,
  sign,
  signatureRecorded,
  signedProtocol,
  signingFacts,
} from './testing/protocol-fixtures.js';
import { protocolDecider } from './protocol.decider.js';

const notOnMargins = (parties: string[]) => [drafted(parties, null), ...parties.map(designated)];

describe('SignProtocol', () => {
  it('records the first signature only', () => {
    given(protocolDecider, readyToSign)
      .when(sign(KZ))
      .then([signatureRecorded(KZ)]);
  });

  it('signs the protocol when the last party signs, in the same append', () => {
    given(protocolDecider, [...readyToSign, signatureRecorded(KZ)])
      .when(sign(UZ, { place: ' tashkent ' }))
      .then([signatureRecorded(UZ, '2024-11-18', ' tashkent '), protocolSigned()]);
  });

  it('signs a multilateral protocol on the day of its last signature, whatever the order', () => {
    const parties = [AZ, TR, SECRETARIAT];
    const history = [
      ...notOnMargins(parties),
      signatureRecorded(AZ, '2025-02-10', 'Baku'),
      signatureRecorded(SECRETARIAT, '2025-03-01', 'Istanbul'),
    ];
    given(protocolDecider, history)
      .when(
        sign(TR, {
          signedOn: '2025-01-20',
          place: 'Ankara',
          facts: { party: signingFacts(TR), margins: null },
        }),
      )
      .then([signatureRecorded(TR, '2025-01-20', 'Ankara'), protocolSigned(parties, '2025-03-01')]);
  });

  it('refuses a second signature by the same party', () => {
    given(protocolDecider, [...readyToSign, signatureRecorded(KZ)])
      .when(sign(KZ))
      .thenRefuses(StateConflict, 'protocol.already-signed-by-party');
    given(protocolDecider, signedProtocol)
      .when(sign(UZ))
      .thenRefuses(StateConflict, 'protocol.already-signed-by-party');
  });

  it('refuses a signature without a designated signatory', () => {
    given(protocolDecider, [drafted(), designated(KZ)])
      .when(sign(UZ))
      .thenRefuses(RuleViolation, 'protocol.no-designated-signatory');
  });

  it('refuses a signature by an institution that is not a party', () => {
    given(protocolDecider, readyToSign).when(sign(AZ)).thenRefuses(RuleViolation, 'protocol.not-a-party');
  });

  it('refuses a signature on another day or in another city than the margins meeting', () => {
    given(protocolDecider, readyToSign)
      .when(sign(KZ, { signedOn: '2024-11-19' }))
      .thenRefuses(RuleViolation, 'protocol.margins-date-mismatch');
    given(protocolDecider, readyToSign)
      .when(sign(KZ, { place: 'Samarkand' }))
      .thenRefuses(RuleViolation, 'protocol.margins-place-mismatch');
  });

  it('refuses when the margins meeting cannot be found', () => {
    given(protocolDecider, readyToSign)
      .when(sign(KZ, { facts: { party: signingFacts(KZ), margins: null } }))
      .thenRefuses(EntityNotFound, 'protocol.margins-meeting-not-found');
    given(protocolDecider, readyToSign)
      .when(sign(KZ, { facts: { party: signingFacts(KZ), margins: { ...TASHKENT, meetingId: 'other' } } }))
      .thenRefuses(EntityNotFound, 'protocol.margins-meeting-not-found');
  });

  it('refuses a party institution unknown, or not yet established on the signing day', () => {
    given(protocolDecider, readyToSign)
      .when(sign(KZ, { facts: { party: null, margins: TASHKENT } }))
      .thenRefuses(EntityNotFound, 'protocol.party-institution-not-found');
    const unborn = { ...signingFacts(KZ), nameOnSigningDate: null };
    given(protocolDecider, readyToSign)
      .when(sign(KZ, { facts: { party: unborn, margins: TASHKENT } }))
      .thenRefuses(RuleViolation, 'protocol.party-not-yet-established');
  });

  it('refuses a malformed date or a blank place', () => {
    const anywhere = { facts: { party: signingFacts(KZ), margins: null } };
    given(protocolDecider, notOnMargins([KZ, UZ]))
      .when(sign(KZ, { ...anywhere, signedOn: '2024-11-31' }))
      .thenRefuses(RuleViolation, 'date.invalid');
    given(protocolDecider, notOnMargins([KZ, UZ]))
      .when(sign(KZ, { ...anywhere, place: '' }))
      .thenRefuses(RuleViolation, 'protocol.place-required');
  });

  it('refuses a signature on a protocol never drafted', () => {
    given(protocolDecider).when(sign(KZ)).thenRefuses(EntityNotFound, 'protocol.not-found');
  });
});
