import { negotiateReportFormat } from './negotiate.js';

describe('negotiateReportFormat', () => {
  it.each([
    [undefined, 'html'],
    ['', 'html'],
    ['*/*', 'html'],
    ['text/html', 'html'],
    ['text/csv', 'csv'],
    ['application/json', 'json'],
    ['text/*', 'html'],
    ['text/html;q=0.5, text/csv', 'csv'],
    ['application/json, text/html;q=0.9', 'json'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'html'],
    ['TEXT/CSV; charset=utf-8', 'csv'],
    ['text/html;q=0, */*;q=0.1', 'csv'],
    ['image/png', null],
    ['text/html;q=0', null],
  ])('Accept %p → %p', (accept, format) => {
    expect(negotiateReportFormat(accept)).toBe(format);
  });
});
