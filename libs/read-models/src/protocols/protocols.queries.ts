import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ProblemException, PUBLIC_VIEWER, ReadModels, type ReadOptions, type Viewer } from '#eventsourcing';
import { protocolMatrix, type MatrixStatus, type ProtocolMatrix } from './protocol-matrix.query.js';
import {
  findProtocol,
  listProtocols,
  type ProtocolListFilter,
  type ProtocolView,
} from './protocols.query.js';

export class GetProtocol extends Query<ProtocolView> {
  constructor(
    readonly protocolId: string,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

export class ListProtocols extends Query<ReturnType<typeof listProtocols>> {
  constructor(
    readonly filter: ProtocolListFilter,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

export class GetProtocolMatrix extends Query<ProtocolMatrix> {
  constructor(
    readonly status: MatrixStatus,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

@QueryHandler(GetProtocol)
export class GetProtocolHandler implements IQueryHandler<GetProtocol> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ protocolId, read, viewer }: GetProtocol): Promise<ProtocolView> {
    const view = await this.readModels.view(read);
    const protocol = findProtocol(view.db, protocolId, viewer);
    if (!protocol)
      throw ProblemException.of(404, 'not-found', 'Not found', `there is no protocol ${protocolId}`);
    return protocol;
  }
}

@QueryHandler(ListProtocols)
export class ListProtocolsHandler implements IQueryHandler<ListProtocols> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, read, viewer }: ListProtocols) {
    const view = await this.readModels.view(read);
    return listProtocols(view.db, filter, viewer);
  }
}

@QueryHandler(GetProtocolMatrix)
export class GetProtocolMatrixHandler implements IQueryHandler<GetProtocolMatrix> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ status, read, viewer }: GetProtocolMatrix): Promise<ProtocolMatrix> {
    const view = await this.readModels.view(read);
    return protocolMatrix(view.db, status, viewer);
  }
}
