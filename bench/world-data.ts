import type {
  ActivityEvent,
  FollowUpEvent,
  InstitutionEvent,
  LocalizedText,
  MeetingEvent,
  PlanEvent,
  ProtocolEvent,
  StateEvent,
  StrategicDocumentEvent,
} from '#coordination';

/** Every kind of event the generated log holds: the domain's own event types, so the shapes stay true. */
export type WorldEvent =
  | StateEvent
  | InstitutionEvent
  | StrategicDocumentEvent
  | MeetingEvent
  | PlanEvent
  | ActivityEvent
  | FollowUpEvent
  | ProtocolEvent;

export const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'] as const;
export const OBSERVERS = ['HU', 'TM', 'XC'] as const;

export const STATES: readonly { code: string; name: LocalizedText; capital: string; member: boolean }[] = [
  {
    code: 'AZ',
    name: { en: 'Azerbaijan', ru: 'Азербайджан', tr: 'Azerbaycan' },
    capital: 'Baku',
    member: true,
  },
  {
    code: 'KZ',
    name: { en: 'Kazakhstan', ru: 'Казахстан', tr: 'Kazakistan' },
    capital: 'Astana',
    member: true,
  },
  {
    code: 'KG',
    name: { en: 'Kyrgyzstan', ru: 'Кыргызстан', tr: 'Kırgızistan' },
    capital: 'Bishkek',
    member: true,
  },
  { code: 'TR', name: { en: 'Türkiye', ru: 'Турция', tr: 'Türkiye' }, capital: 'Ankara', member: true },
  {
    code: 'UZ',
    name: { en: 'Uzbekistan', ru: 'Узбекистан', tr: 'Özbekistan' },
    capital: 'Tashkent',
    member: true,
  },
  {
    code: 'HU',
    name: { en: 'Hungary', ru: 'Венгрия', tr: 'Macaristan' },
    capital: 'Budapest',
    member: false,
  },
  {
    code: 'TM',
    name: { en: 'Turkmenistan', ru: 'Туркменистан', tr: 'Türkmenistan' },
    capital: 'Ashgabat',
    member: false,
  },
  {
    code: 'XC',
    name: {
      en: 'Turkish Republic of Northern Cyprus',
      ru: 'Турецкая Республика Северного Кипра',
      tr: 'KKTC',
    },
    capital: 'Lefkoşa',
    member: false,
  },
];

/** The sectoral meeting series, one ministry per state each. */
export const SECTORS = [
  'education',
  'diaspora',
  'tourism',
  'youth-sport',
  'transport',
  'economy',
  'information-media',
  'customs',
  'energy',
  'health',
  'culture',
  'agriculture',
] as const;

export const DOCUMENTS = [
  'turkic-world-vision-2040',
  'ots-strategic-roadmap-2022-2026',
  'nakhchivan-agreement-2009',
  'samarkand-declaration-2022',
] as const;

export const SECRETARIAT = 'ots-secretariat';

const KINDS = [
  'forum',
  'exchange-programme',
  'training-programme',
  'internship',
  'meeting-round',
  'other',
] as const;
export const kindOf = (n: number) => KINDS[n % KINDS.length];

/** A deterministic pseudo-random number generator (mulberry32): the same log for the same size. */
export function random(seed: number): (below: number) => number {
  let a = seed >>> 0;
  return (below) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2012, 0, 9);

/** The day of cycle `c` (YYYY-MM-DD): a meeting every other day, so a long log spans decades. */
export const dayOf = (cycle: number): string =>
  new Date(FIRST_DAY + cycle * 2 * DAY_MS).toISOString().slice(0, 10);
export const dayBefore = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
/** When cycle `c`'s `n`-th event was recorded: the log's recordedAt only grows. */
export const recordedAtOf = (cycle: number, n: number): string =>
  new Date(FIRST_DAY + cycle * 2 * DAY_MS + 8 * 3_600_000 + n * 1000).toISOString();

export const institutionIdOf = (state: string, sector: number): string =>
  `${state.toLowerCase()}-ministry-of-${SECTORS[sector % SECTORS.length]}`;

export function institutionName(state: string, sector: number, renamed: number): LocalizedText {
  const what = SECTORS[sector % SECTORS.length].replace(/-/g, ' and ');
  const suffix = renamed === 0 ? '' : ` (reorganised ${renamed})`;
  return {
    en: `Ministry of ${what[0].toUpperCase()}${what.slice(1)} of ${STATES.find((s) => s.code === state)?.name.en}${suffix}`,
    ru: `Министерство (${what}) — ${STATES.find((s) => s.code === state)?.name.ru}${suffix}`,
  };
}

export const meetingIdOf = (cycle: number): string =>
  `${SECTORS[cycle % SECTORS.length]}-ministerial-${Math.floor(cycle / SECTORS.length) + 1}`;
export const planIdOf = (cycle: number): string =>
  `${SECTORS[cycle % SECTORS.length]}-plan-${dayOf(cycle).slice(0, 4)}-${cycle}`;

export function meetingTitle(cycle: number): LocalizedText {
  const number = Math.floor(cycle / SECTORS.length) + 1;
  const sector = SECTORS[cycle % SECTORS.length];
  return {
    en: `${number}th Meeting of the Ministers (${sector}) of the Organization of Turkic States`,
    ru: `${number}-е заседание министров (${sector}) Организации тюркских государств`,
    tr: `Türk Devletleri Teşkilatı ${sector} Bakanları ${number}. Toplantısı`,
  };
}

export function activityTitle(kind: string, id: string): LocalizedText {
  return {
    en: `${kind.replace(/-/g, ' ')} of the Turkic states, ${id}`,
    ru: `Мероприятие тюркских государств (${kind}), ${id}`,
    tr: `Türk devletleri etkinliği (${kind}), ${id}`,
  };
}

/** Lead and participating states of the n-th activity: members, sometimes an observer. */
export function statesOf(n: number): { lead: string; participating: string[] } {
  const lead = MEMBERS[n % MEMBERS.length];
  const others = MEMBERS.filter((s) => s !== lead).slice(0, 2 + (n % 3));
  return {
    lead,
    participating: n % 4 === 0 ? [lead, ...others, OBSERVERS[n % OBSERVERS.length]] : [lead, ...others],
  };
}

export const text = (en: string): LocalizedText => ({ en, ru: `${en} (ru)`, tr: `${en} (tr)` });
