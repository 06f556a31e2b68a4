import ts from 'typescript';
import { EVENT_SCHEMAS, eventSchemaOf, JSON_SCHEMA_DIALECT } from './event-registry.js';

const SRC = `${__dirname}/..`;
const join = (...parts: string[]) => parts.join('/');

/**
 * The event types each decider can decide, read by the compiler from the deciders themselves:
 * for every exported `Decider<C, E, S>`, the `type` of each member of E.
 */
function decidedEventTypes(): Map<string, string[]> {
  const index = join(SRC, 'index.ts');
  const program = ts.createProgram([index], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    experimentalDecorators: true,
    baseUrl: join(SRC, '../../..'),
    paths: {
      '#eventsourcing/*': ['./libs/eventsourcing/src/*'],
      '#eventsourcing': ['./libs/eventsourcing/src/index.ts'],
      '#event-store': ['./libs/event-store/src/index.ts'],
      '#event-store/*': ['./libs/event-store/src/*'],
    },
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
  const deciders = new Map<string, string[]>();
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.valueDeclaration;
    if (!declaration) continue;
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    const alias = type.aliasSymbol ?? type.getSymbol();
    if (alias?.getName() !== 'Decider') continue;
    const [, eventUnion] = type.aliasTypeArguments ?? checker.getTypeArguments(type as ts.TypeReference);
    const members = eventUnion.isUnion() ? eventUnion.types : [eventUnion];
    deciders.set(
      symbol.getName(),
      members.map((member) => {
        const typeProperty = checker.getPropertyOfType(member, 'type')!;
        const literal = checker.getTypeOfSymbolAtLocation(typeProperty, declaration);
        if (!literal.isStringLiteral())
          throw new Error(`${symbol.getName()} has an event without a literal type`);
        return literal.value;
      }),
    );
  }
  return deciders;
}

describe('the event schema registry', () => {
  const deciders = decidedEventTypes();

  it('finds every decider of the domain', () => {
    expect([...deciders.keys()].sort()).toEqual([
      'activityDecider',
      'followUpDecider',
      'institutionDecider',
      'meetingDecider',
      'meetingSeriesDecider',
      'planDecider',
      'protocolDecider',
      'stateDecider',
      'strategicDocumentDecider',
    ]);
  });

  it('has a schema for every event type a decider can decide, and none besides', () => {
    const decided = [...deciders.values()].flat();
    const missing = decided.filter((type) => eventSchemaOf(type) === undefined);
    expect(missing).toEqual([]);
    expect(EVENT_SCHEMAS.map((e) => e.type).sort()).toEqual([...new Set(decided)].sort());
  });

  it('gives each schema the 2020-12 dialect, an id per type and version, a title and a description', () => {
    for (const entry of EVENT_SCHEMAS) {
      expect(entry.schema).toMatchObject({
        $schema: JSON_SCHEMA_DIALECT,
        $id: `urn:kurultai:event:${entry.type}:v${entry.version}`,
        title: entry.type,
        type: 'object',
        additionalProperties: false,
      });
      expect(String(entry.schema['description']).length).toBeGreaterThan(20);
    }
  });

  it('writes the changed signatory events at version 2 and every other type at version 1', () => {
    const versions = Object.fromEntries(
      EVENT_SCHEMAS.filter((e) => e.version !== 1).map((e) => [e.type, e.version]),
    );
    expect(versions).toEqual({ SignatoryDesignated: 2, ProtocolSignatureRecorded: 2 });
    expect(eventSchemaOf('SignatoryDesignated')!.history).toEqual([
      { fromVersion: 1, change: expect.stringContaining('signatory.title') },
    ]);
    expect(eventSchemaOf('MeetingScheduled')!.category).toBe('meeting');
    expect(eventSchemaOf('FollowUpAssigned')!.category).toBe('followup');
  });
});
