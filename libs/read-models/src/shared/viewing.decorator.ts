import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { actorOfRequest, viewerOf, type Viewer } from '#eventsourcing';

/**
 * The `Viewer` of an HTTP request: what the caller the identity layer verified may see
 * (docs/visibility.md). No verified caller sees public items only.
 */
export const Viewing = createParamDecorator((_: unknown, ctx: ExecutionContext): Viewer =>
  viewerOf(actorOfRequest(ctx.switchToHttp().getRequest())),
);
