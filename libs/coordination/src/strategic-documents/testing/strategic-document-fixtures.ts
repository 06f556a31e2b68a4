import { commandsOf } from '../../shared/testing/command.js';
import type { StrategicDocumentCommand } from '../strategic-document.commands.js';
import type { StrategicDocumentRegistered } from '../strategic-document.js';

export const documentCommand = commandsOf<StrategicDocumentCommand>();

/** The documents the Secretariat briefed the Tashkent meeting on, as its press releases tell them. */
export const VISION_2040 = {
  documentId: 'turkic-world-vision-2040',
  title: { en: 'Turkic World Vision-2040', tr: 'Türk Dünyası 2040 Vizyonu' },
  kind: 'vision' as const,
  adoptedAt: '2021-11-12',
  adoptedAtPlace: 'Istanbul',
};

export const STRATEGY_2022_2026 = {
  documentId: 'ots-strategy-2022-2026',
  title: { en: 'OTS Strategy 2022-2026' },
  kind: 'strategy' as const,
  adoptedAt: '2022-11-11',
  adoptedAtPlace: 'Samarkand',
};

export const BISHKEK_DECLARATION = {
  documentId: 'bishkek-summit-declaration-2024',
  title: { en: 'Bishkek Summit Declaration' },
  kind: 'declaration' as const,
  adoptedAt: '2024-11-06',
  adoptedAtPlace: 'Bishkek',
};

export const visionRegistered = (
  data: Partial<StrategicDocumentRegistered['data']> = {},
): StrategicDocumentRegistered => ({
  type: 'StrategicDocumentRegistered',
  data: { ...VISION_2040, source: null, ...data },
});
