import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import { id, nullable, record, type Payload } from '../schemas/schema-kit.js';
import { IsoDateSchema, type IsoDate } from '../shared/iso-date.js';
import { LocalizedTextSchema, type LocalizedText } from '../shared/localized-text.js';
import { StateCodeSchema } from '../shared/states.js';

export const institutionStream = (institutionId: string): string => `institution-${institutionId}`;

export const InstitutionRegisteredData = record(
  {
    institutionId: id(),
    state: nullable(StateCodeSchema),
    name: LocalizedTextSchema,
    parent: nullable(id('The institution it stands under, if any')),
    validFrom: IsoDateSchema,
  },
  {
    description:
      'An institution of a state is registered with its first name period. `state` is null for the ' +
      'OTS Secretariat; an institution never changes state',
  },
);

export type InstitutionRegistered = DomainEvent<
  'InstitutionRegistered',
  Payload<typeof InstitutionRegisteredData>
>;

export const InstitutionRenamedData = record(
  {
    institutionId: id(),
    name: LocalizedTextSchema,
    parent: nullable(id()),
    validFrom: IsoDateSchema,
    previousValidTo: IsoDateSchema,
  },
  {
    description:
      'An institution is renamed or moved under another body: a new name period opens; the previous ' +
      'one ends on `previousValidTo`, the day before',
  },
);

export type InstitutionRenamed = DomainEvent<'InstitutionRenamed', Payload<typeof InstitutionRenamedData>>;

export type InstitutionEvent = InstitutionRegistered | InstitutionRenamed;

/** A name, and the body the institution stood under, from `validFrom` to `validTo` (inclusive). */
export interface NamePeriod {
  readonly name: LocalizedText;
  readonly parent: string | null;
  readonly validFrom: IsoDate;
  /** Null for the current period. */
  readonly validTo: IsoDate | null;
}

export interface RegisteredInstitution {
  readonly status: 'registered';
  readonly institutionId: string;
  readonly state: string | null;
  /** Oldest first, without gaps or overlaps; the last one is current. */
  readonly periods: readonly NamePeriod[];
}

export type InstitutionState = { readonly status: 'unregistered' } | RegisteredInstitution;

export const initialInstitutionState = (): InstitutionState => ({ status: 'unregistered' });

export function evolveInstitution(state: InstitutionState, event: InstitutionEvent): InstitutionState {
  switch (event.type) {
    case 'InstitutionRegistered': {
      const { institutionId, state: code, name, parent, validFrom } = event.data;
      return {
        status: 'registered',
        institutionId,
        state: code,
        periods: [{ name, parent, validFrom, validTo: null }],
      };
    }
    case 'InstitutionRenamed': {
      if (state.status === 'unregistered') return state;
      const { name, parent, validFrom, previousValidTo } = event.data;
      const ended = state.periods.map((p, i) =>
        i === state.periods.length - 1 ? { ...p, validTo: previousValidTo } : p,
      );
      return { ...state, periods: [...ended, { name, parent, validFrom, validTo: null }] };
    }
    default:
      return unreachable(event);
  }
}

export function currentNamePeriod(institution: RegisteredInstitution): NamePeriod {
  return institution.periods[institution.periods.length - 1];
}

/** The period that covers a day; undefined before the institution's first period. */
export function namePeriodOn(institution: RegisteredInstitution, date: IsoDate): NamePeriod | undefined {
  return institution.periods.find((p) => p.validFrom <= date && (p.validTo === null || date <= p.validTo));
}
