import type { RegisterState } from '../state.commands.js';

/**
 * The OTS states as the scenario registers them. The founding members signed the Nakhchivan
 * Agreement on 3 October 2009; Uzbekistan joined at the Baku summit (15 October 2019); Hungary
 * became an observer at Cholpon-Ata (3 September 2018), Turkmenistan at Istanbul (12 November
 * 2021), the Turkish Republic of Northern Cyprus at Samarkand (11 November 2022). The static
 * table in shared/states.ts must agree with these (see static-table.spec.ts).
 */
export const OTS_STATE_REGISTRATIONS: readonly RegisterState['data'][] = [
  {
    code: 'AZ',
    name: { en: 'Azerbaijan', 'az-Latn': 'Azərbaycan' },
    membership: 'member',
    since: '2009-10-03',
  },
  { code: 'KZ', name: { en: 'Kazakhstan', kk: 'Қазақстан' }, membership: 'member', since: '2009-10-03' },
  { code: 'KG', name: { en: 'Kyrgyzstan', ky: 'Кыргызстан' }, membership: 'member', since: '2009-10-03' },
  { code: 'TR', name: { en: 'Türkiye', tr: 'Türkiye' }, membership: 'member', since: '2009-10-03' },
  {
    code: 'UZ',
    name: { en: 'Uzbekistan', 'uz-Latn': 'Oʻzbekiston' },
    membership: 'member',
    since: '2019-10-15',
  },
  { code: 'HU', name: { en: 'Hungary', hu: 'Magyarország' }, membership: 'observer', since: '2018-09-03' },
  {
    code: 'TM',
    name: { en: 'Turkmenistan', tk: 'Türkmenistan' },
    membership: 'observer',
    since: '2021-11-12',
  },
  {
    code: 'XC',
    name: { en: 'Turkish Republic of Northern Cyprus', tr: 'Kuzey Kıbrıs Türk Cumhuriyeti' },
    membership: 'observer',
    since: '2022-11-11',
  },
];
