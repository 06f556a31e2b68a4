import { Injectable, Module, type DynamicModule, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { createHash } from 'node:crypto';

/** How many requests one caller may make in a window; `limit` 0 turns rate limiting off. */
export interface RateLimitOptions {
  readonly limit: number;
  readonly windowMs: number;
}

interface TrackedRequest {
  readonly ip?: string;
  readonly url?: string;
  readonly actor?: { readonly id?: unknown } | null;
}

/**
 * Rate limits per identity: an authenticated caller is counted by its actor id wherever it
 * calls from, an anonymous one by its IP address. One budget per caller across every route.
 * Health probes are never limited (an orchestrator must always reach them).
 */
@Injectable()
export class ActorThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { actor, ip } = request as TrackedRequest;
    if (actor && typeof actor.id === 'string' && actor.id.length > 0)
      return Promise.resolve(`actor:${actor.id}`);
    return Promise.resolve(`ip:${ip ?? 'unknown'}`);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return createHash('sha256').update(`${name}\n${tracker}`).digest('hex');
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return Promise.resolve(true);
    const url = context.switchToHttp().getRequest<TrackedRequest>().url ?? '';
    return Promise.resolve(url.startsWith('/health/'));
  }
}

/**
 * The throttler and its guard. The guard is not an `APP_GUARD`: the HTTP host installs it with
 * `useGlobalGuards`, so that it runs after the guards that establish `request.actor`.
 */
@Module({})
export class RateLimitModule {
  static forRoot(options: RateLimitOptions): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: options.windowMs, limit: Math.max(options.limit, 1) }],
          errorMessage: 'Too many requests',
        }),
      ],
      providers: [ActorThrottlerGuard],
      exports: [ActorThrottlerGuard],
    };
  }
}
