import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { finalize, type Observable } from 'rxjs';
import { ProblemException } from '../nest/http/problem.js';

/**
 * Lets the engine stop taking commands on shutdown while those in flight finish. The interceptor
 * below consults it for every `POST /api/commands/*`.
 */
@Injectable()
export class ShutdownGate {
  private closed = false;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  get closing(): boolean {
    return this.closed;
  }

  get running(): number {
    return this.inFlight;
  }

  /** Refuses every new command from now on. */
  close(): void {
    this.closed = true;
    this.settle();
  }

  /** Counts a command in; throws 503 `shutting-down` once closed. */
  enter(): void {
    if (this.closed) {
      throw ProblemException.of(
        503,
        'shutting-down',
        'The engine is shutting down',
        'the engine takes no new commands while it shuts down; retry against another instance or after restart',
      );
    }
    this.inFlight++;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.settle();
  }

  /** Resolves true once no command is in flight, false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.idleWaiters.push(done);
    });
  }

  private settle(): void {
    if (this.inFlight > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}

/** `POST /api/commands/*`: refused with 503 while shutting down, counted while in flight. */
@Injectable()
export class ShutdownInterceptor implements NestInterceptor {
  constructor(private readonly gate: ShutdownGate) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<{ method?: string; url?: string }>();
    if (request.method !== 'POST' || !request.url?.startsWith('/api/commands/')) return next.handle();
    this.gate.enter();
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      this.gate.leave();
    };
    try {
      return next.handle().pipe(finalize(leave));
    } catch (error) {
      leave();
      throw error;
    }
  }
}
