import fc from 'fast-check';
import { isIsoDate } from '../shared/iso-date.js';
import { runCommands } from '../shared/testing/run-commands.js';
import { strategicDocumentDecider } from './strategic-document.decider.js';
import { STRATEGIC_DOCUMENT_KINDS } from './strategic-document.js';
import { strategicDocumentCommands } from './testing/strategic-document-arbitraries.js';

describe('StrategicDocument invariants', () => {
  it('is registered at most once and never changes after, whatever is sent', () => {
    fc.assert(
      fc.property(strategicDocumentCommands, (commands) => {
        let registrations = 0;
        runCommands(strategicDocumentDecider, commands, ({ before, events, after }) => {
          registrations += events.length;
          expect(before.status).toBe('unregistered');
          if (after.status !== 'registered') throw new Error('a registration must register');
          expect(STRATEGIC_DOCUMENT_KINDS).toContain(after.kind);
          expect(isIsoDate(after.adoptedAt) && after.adoptedAt <= '2024-11-19').toBe(true);
          expect(after.title.en.trim()).not.toBe('');
        });
        expect(registrations).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('registers documents, so the invariants are not checked in vain', () => {
    const finals = fc
      .sample(strategicDocumentCommands, { numRuns: 200, seed: 42 })
      .map((c) => runCommands(strategicDocumentDecider, c));
    expect(finals.filter((d) => d.status === 'registered').length).toBeGreaterThan(50);
  });
});
