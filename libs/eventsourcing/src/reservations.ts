import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
} from '#event-store';
import { eventIdFor } from './event-ids.js';

export const reservationStream = (key: string): string => `reservation-${key}`;

export interface Claim {
  /** Who holds the key now: the caller when the claim succeeded. */
  readonly owner: string;
  /** Revision of the reservation stream after the claim. */
  readonly revision: number;
  /** `true` when this call made the claim (only such a claim may be released). */
  readonly created: boolean;
}

/**
 * Uniqueness across streams (e.g. one adopted plan per series and year) without multi-stream
 * transactions: a key is claimed in its own stream with an expected revision, so two claims
 * racing for it cannot both win. Works the same on every store.
 */
export class Reservations {
  constructor(private readonly store: EventStore) {}

  /** Claims `key` for `owner` unless someone else holds it; returns the holder. */
  async claim(key: string, owner: string, metadata: EventMetadata): Promise<Claim> {
    const stream = reservationStream(key);
    for (;;) {
      const { holder, revision } = await this.current(stream);
      if (holder !== null) return { owner: holder, revision, created: false };
      try {
        const result = await this.store.append(
          stream,
          [
            {
              id: eventIdFor(metadata.commandId, 1000 + revision + 1),
              type: 'ReservationClaimed',
              schemaVersion: 1,
              data: { key, owner },
              metadata,
            },
          ],
          { expectedRevision: revision < 0 ? 'no_stream' : revision },
        );
        return { owner, revision: result.revision, created: true };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
  }

  /** Gives the key back when the command that claimed it was refused. */
  async release(key: string, claim: Claim, metadata: EventMetadata): Promise<void> {
    if (!claim.created) return;
    await this.store.append(
      reservationStream(key),
      [
        {
          id: eventIdFor(metadata.commandId, 2000 + claim.revision + 1),
          type: 'ReservationReleased',
          schemaVersion: 1,
          data: { key, owner: claim.owner },
          metadata,
        },
      ],
      { expectedRevision: claim.revision },
    );
  }

  private async current(stream: string): Promise<{ holder: string | null; revision: number }> {
    try {
      const [last] = await this.store.readStream(stream, { direction: 'backwards', limit: 1 });
      const owner = String(last.data.owner);
      return { holder: last.type === 'ReservationClaimed' ? owner : null, revision: last.revision };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { holder: null, revision: -1 };
      throw error;
    }
  }
}
