import type { Membership } from '../../shared/states.js';
import { commandsOf } from '../../shared/testing/command.js';
import type { StateFacts } from '../../states/state-facts.js';
import type { InstitutionCommand, ParentInstitutionFacts } from '../institution.commands.js';
import type { InstitutionRegistered, InstitutionRenamed } from '../institution.js';

export const institutionCommand = commandsOf<InstitutionCommand>();

/** Türkiye's diaspora institution, renamed and moved when the presidential system began (dates illustrative). */
export const YTB = 'tr-ytb';
export const MINISTRY = 'tr-ministry-of-culture-and-tourism';

export const ytbRegistered = (data: Partial<InstitutionRegistered['data']> = {}): InstitutionRegistered => ({
  type: 'InstitutionRegistered',
  data: {
    institutionId: YTB,
    state: 'TR',
    name: { en: 'Prime Ministry Presidency for Turks Abroad and Related Communities' },
    parent: null,
    validFrom: '2010-04-06',
    ...data,
  },
});

export const ytbRenamed = (data: Partial<InstitutionRenamed['data']> = {}): InstitutionRenamed => ({
  type: 'InstitutionRenamed',
  data: {
    institutionId: YTB,
    name: {
      en: 'Presidency for Turks Abroad and Related Communities',
      tr: 'Yurtdışı Türkler ve Akraba Topluluklar Başkanlığı',
    },
    parent: MINISTRY,
    validFrom: '2018-07-15',
    previousValidTo: '2018-07-14',
    ...data,
  },
});

export const stateFactsOf = (code: string, membership: Membership = 'member'): StateFacts => ({
  code,
  name: { en: code },
  membership,
  since: '2009-10-03',
  membershipOn: () => membership,
});

export const parentFactsOf = (data: Partial<ParentInstitutionFacts> = {}): ParentInstitutionFacts => ({
  institutionId: MINISTRY,
  state: 'TR',
  ancestors: [],
  ...data,
});
