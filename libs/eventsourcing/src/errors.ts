/** The same command id was sent again with a different request (HTTP 409). */
export class IdempotencyConflict extends Error {
  constructor(readonly commandId: string) {
    super(`command id ${commandId} was already used for a different request`);
    this.name = 'IdempotencyConflict';
  }
}
