import { Module } from '@nestjs/common';
import { AddPartyHandler } from './add-party/add-party.handler.js';
import { AddPartyRoute } from './add-party/add-party.route.js';
import { DesignateSignatoryHandler } from './designate-signatory/designate-signatory.handler.js';
import { DesignateSignatoryRoute } from './designate-signatory/designate-signatory.route.js';
import { DraftProtocolHandler } from './draft-protocol/draft-protocol.handler.js';
import { DraftProtocolRoute } from './draft-protocol/draft-protocol.route.js';
import { RecordEntryIntoForceHandler } from './record-entry-into-force/record-entry-into-force.handler.js';
import { RecordEntryIntoForceRoute } from './record-entry-into-force/record-entry-into-force.route.js';
import { RemovePartyHandler } from './remove-party/remove-party.handler.js';
import { RemovePartyRoute } from './remove-party/remove-party.route.js';
import { SignProtocolHandler } from './sign-protocol/sign-protocol.handler.js';
import { SignProtocolRoute } from './sign-protocol/sign-protocol.route.js';
import { TerminateProtocolHandler } from './terminate-protocol/terminate-protocol.handler.js';
import { TerminateProtocolRoute } from './terminate-protocol/terminate-protocol.route.js';

/** The Protocol slices: one folder per command. */
@Module({
  controllers: [
    DraftProtocolRoute,
    AddPartyRoute,
    RemovePartyRoute,
    DesignateSignatoryRoute,
    SignProtocolRoute,
    RecordEntryIntoForceRoute,
    TerminateProtocolRoute,
  ],
  providers: [
    DraftProtocolHandler,
    AddPartyHandler,
    RemovePartyHandler,
    DesignateSignatoryHandler,
    SignProtocolHandler,
    RecordEntryIntoForceHandler,
    TerminateProtocolHandler,
  ],
})
export class ProtocolsModule {}
