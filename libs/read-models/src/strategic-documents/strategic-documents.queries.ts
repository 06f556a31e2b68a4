import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ProblemException, PUBLIC_VIEWER, ReadModels, type ReadOptions, type Viewer } from '#eventsourcing';
import {
  findDocument,
  listDocuments,
  type DocumentListFilter,
  type DocumentView,
} from './strategic-documents.query.js';

export class GetStrategicDocument extends Query<DocumentView> {
  constructor(
    readonly documentId: string,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

export class ListStrategicDocuments extends Query<ReturnType<typeof listDocuments>> {
  constructor(
    readonly filter: DocumentListFilter,
    readonly read: ReadOptions = {},
    readonly viewer: Viewer = PUBLIC_VIEWER,
  ) {
    super();
  }
}

@QueryHandler(GetStrategicDocument)
export class GetStrategicDocumentHandler implements IQueryHandler<GetStrategicDocument> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ documentId, read, viewer }: GetStrategicDocument): Promise<DocumentView> {
    const view = await this.readModels.view(read);
    const document = findDocument(view.db, documentId, viewer);
    if (!document) {
      throw ProblemException.of(
        404,
        'not-found',
        'Not found',
        `there is no strategic document ${documentId}`,
        {
          rule: 'strategic-document.not-found',
        },
      );
    }
    return document;
  }
}

@QueryHandler(ListStrategicDocuments)
export class ListStrategicDocumentsHandler implements IQueryHandler<ListStrategicDocuments> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, read, viewer }: ListStrategicDocuments) {
    const view = await this.readModels.view(read);
    return listDocuments(view.db, filter, viewer);
  }
}
