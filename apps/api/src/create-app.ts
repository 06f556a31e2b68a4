import 'reflect-metadata';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsFilter, strictValidationPipe, type EventSourcingOptions } from '#eventsourcing';
import { AppModule } from './app.module.js';
import type { EngineConfig } from './config.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the HTTP application; `main.ts` and the end-to-end tests share it. */
export async function createApp(
  config: EngineConfig,
  overrides: Partial<EventSourcingOptions> = {},
  logger: LogLevel[] | false = LEVELS.slice(0, LEVELS.indexOf(config.KURULTAI_LOG_LEVEL as LogLevel) + 1),
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.KURULTAI_BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, overrides),
    adapter,
    {
      logger,
      bufferLogs: false,
    },
  );
  // Commands and queries speak JSON only; anything else is 415 rather than a string body.
  app.getHttpAdapter().getInstance().removeContentTypeParser(['text/plain']);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(strictValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kurultai')
      .setDescription('Event-sourced programme coordination engine of the Organization of Turkic States')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
  return app;
}
