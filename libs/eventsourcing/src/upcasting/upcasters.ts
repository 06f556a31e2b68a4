import type { NewEvent, RecordedEvent } from '#event-store';

/**
 * Reads the payload of one event type at `fromVersion` as the next version. Pure: it sees the
 * stored data (and the envelope, for facts such as the time an event was recorded) and returns
 * new data; the stored event is never changed.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  /** What changed from `fromVersion` to the next version, in words a subscriber understands. */
  readonly change: string;
  readonly upcast: (
    data: Readonly<Record<string, unknown>>,
    event: RecordedEvent,
  ) => Readonly<Record<string, unknown>>;
}

/** The chains of upcasters of every event type, and the version each type is written at now. */
export class Upcasters {
  private readonly byType = new Map<string, Map<number, Upcaster>>();
  private readonly current = new Map<string, number>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const chain = this.byType.get(upcaster.type) ?? new Map<number, Upcaster>();
      if (chain.has(upcaster.fromVersion)) {
        throw new Error(`two upcasters read ${upcaster.type} v${upcaster.fromVersion}`);
      }
      chain.set(upcaster.fromVersion, upcaster);
      this.byType.set(upcaster.type, chain);
    }
    for (const [type, chain] of this.byType) {
      const versions = [...chain.keys()].sort((a, b) => a - b);
      versions.forEach((version, index) => {
        if (version !== versions[0] + index)
          throw new Error(`the upcasters of ${type} leave a gap at v${version}`);
      });
      this.current.set(type, versions[versions.length - 1] + 1);
    }
  }

  /** The version new events of this type are written at: 1 for a type that never changed. */
  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  /** The event as its type's current version; the same object when there is nothing to do. */
  upcast(event: RecordedEvent): RecordedEvent {
    const chain = this.byType.get(event.type);
    if (!chain) return event;
    let { data, schemaVersion } = event;
    for (let upcaster = chain.get(schemaVersion); upcaster; upcaster = chain.get(schemaVersion)) {
      data = upcaster.upcast(data, event);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, schemaVersion, data };
  }

  /** Stamps the current version: what the engine appends is what its deciders decide now. */
  stamp<E extends NewEvent>(event: E): E {
    const version = this.currentVersion(event.type);
    return event.schemaVersion >= version ? event : { ...event, schemaVersion: version };
  }
}
