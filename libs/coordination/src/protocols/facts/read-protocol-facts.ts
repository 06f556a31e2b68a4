import type { EventStore } from '#event-store';
import { fold, readHistory } from '#eventsourcing';
import { readInstitutionFacts } from '../../institutions/facts/read-institution-facts.js';
import { meetingDecider } from '../../meetings/meeting.decider.js';
import { meetingStream, type MeetingEvent } from '../../meetings/meeting.js';
import { marginsFacts, type MarginsFacts } from '../margins-facts.js';
import type { ProtocolPartyFacts, SigningPartyFacts } from '../party-facts.js';
import { protocolDecider } from '../protocol.decider.js';
import { protocolStream, type ProtocolEvent, type ProtocolState } from '../protocol.js';

export async function readProtocol(store: EventStore, protocolId: string): Promise<ProtocolState> {
  const history = (await readHistory(store, protocolStream(protocolId))) as unknown as ProtocolEvent[];
  return fold(protocolDecider, history);
}

/** The meeting's date and city; null when it was never scheduled. */
export async function readMarginsFacts(store: EventStore, meetingId: string): Promise<MarginsFacts | null> {
  const history = (await readHistory(store, meetingStream(meetingId))) as unknown as MeetingEvent[];
  return marginsFacts(fold(meetingDecider, history));
}

/** The registered institutions among these ids, with their states; unknown ones are left out. */
export async function readPartyFacts(
  store: EventStore,
  institutionIds: readonly unknown[],
): Promise<ProtocolPartyFacts[]> {
  const ids = [...new Set(institutionIds.filter((id): id is string => typeof id === 'string'))];
  const facts = await Promise.all(ids.map((id) => readInstitutionFacts(store, id)));
  return facts.flatMap((f) => (f ? [{ institutionId: f.institutionId, state: f.state }] : []));
}

/** A signing institution and its name on the signing day; null when it was never registered. */
export async function readSigningPartyFacts(
  store: EventStore,
  institutionId: string,
  signedOn: string,
): Promise<SigningPartyFacts | null> {
  const facts = await readInstitutionFacts(store, institutionId);
  if (!facts) return null;
  return {
    institutionId: facts.institutionId,
    state: facts.state,
    nameOnSigningDate: facts.nameOn(signedOn),
  };
}
