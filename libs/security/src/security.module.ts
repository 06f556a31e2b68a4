import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ApiKeyStore } from './identity/api-keys.js';
import { Authenticator } from './identity/authenticator.js';
import { IdentityController } from './identity/identity.controller.js';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity/identity-options.js';
import { TokenVerifier } from './identity/token-verifier.js';
import { Authorizer } from './rights/authorizer.js';
import { SecurityGuard } from './security.guard.js';

/**
 * Identity and rights for the whole API: one global guard (see docs/security.md). Import it
 * before modules that add their own global guards (rate limits per identity read `request.actor`).
 */
@Global()
@Module({})
export class SecurityModule implements OnApplicationShutdown {
  constructor(@Inject(ApiKeyStore) private readonly apiKeys: ApiKeyStore) {}

  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: SecurityModule,
      controllers: [IdentityController],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        { provide: ApiKeyStore, useFactory: () => ApiKeyStore.open(options.apiKeysFile) },
        { provide: TokenVerifier, useFactory: () => TokenVerifier.create(options) },
        {
          provide: Authenticator,
          inject: [TokenVerifier, ApiKeyStore],
          useFactory: (tokens: TokenVerifier, keys: ApiKeyStore) => new Authenticator(tokens, keys),
        },
        {
          provide: Authorizer,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new Authorizer(store),
        },
        { provide: APP_GUARD, useClass: SecurityGuard },
      ],
      exports: [Authenticator, ApiKeyStore, IDENTITY_OPTIONS],
    };
  }

  onApplicationShutdown(): void {
    this.apiKeys.close();
  }
}
