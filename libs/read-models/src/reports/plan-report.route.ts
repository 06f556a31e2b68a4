import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ProblemException, type Viewer } from '#eventsourcing';
import { Viewing } from '../shared/viewing.decorator.js';
import { ReadQueryDto } from '../shared/query-params.dto.js';
import { negotiateReportFormat, type ReportFormat } from './negotiate.js';
import { renderPlanReportCsv, reportFileName } from './plan-report.csv.js';
import { renderPlanReportHtml } from './plan-report.html.js';
import { GetPlanReport } from './plan-report.query.js';

class PlanReportQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({
    enum: ['html', 'csv', 'json'],
    description: 'Overrides the Accept header: html (printable page), csv (one row per activity), json',
  })
  @IsOptional()
  @IsIn(['html', 'csv', 'json'])
  format?: ReportFormat;
}

class PlanIdParam {
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'id must be a slug (a-z, 0-9, -)' })
  id: string;
}

/** The page may style itself and nothing else: no script, no request anywhere. */
const HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

@ApiTags('reports')
@Controller('api/reports')
export class PlanReportRoute {
  constructor(private readonly queries: QueryBus) {}

  @Get('plans/:id')
  @ApiOperation({
    summary: 'Annual implementation report of a plan, replayed as of a point',
    description:
      'Default asOf: occurred:<plan year>-12-31 (how things stood at the end of the year, as known now). ' +
      'A bare date means what had been recorded by then, as in every query.',
  })
  @ApiProduces('text/html', 'text/csv', 'application/json')
  async plan(
    @Param() params: PlanIdParam,
    @Query() query: PlanReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Viewing() viewer: Viewer,
  ) {
    const format = query.format ?? negotiateReportFormat(accept);
    if (!format) {
      throw ProblemException.of(
        406,
        'not-acceptable',
        'Not acceptable',
        'the report is available as text/html, text/csv or application/json',
      );
    }
    const report = await this.queries.execute(
      new GetPlanReport(params.id, { asOf: query.asOf, minPosition: query.minPosition }, viewer),
    );
    void reply.header('vary', 'Accept');
    if (format === 'json') return report;
    if (format === 'csv') {
      void reply
        .header('content-type', 'text/csv; charset=utf-8; header=present')
        .header('content-disposition', `attachment; filename="${reportFileName(report, 'csv')}"`);
      return renderPlanReportCsv(report);
    }
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', HTML_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${reportFileName(report, 'html')}"`);
    return renderPlanReportHtml(report);
  }
}
