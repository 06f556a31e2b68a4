import { BOM, csvField, toCsv } from './csv.js';
import { PLAN_REPORT_CSV_HEADER, renderPlanReportCsv, reportFileName } from './plan-report.csv.js';
import { hostileReport } from './testing/reports.js';

describe('CSV (RFC 4180)', () => {
  it('quotes a field holding a comma, a quote, CR or LF, and doubles the quotes inside', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('AZ, KZ')).toBe('"AZ, KZ"');
    expect(csvField('the "Bishkek" round')).toBe('"the ""Bishkek"" round"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('line\nfeed')).toBe('"line\nfeed"');
    expect(csvField('')).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(60)).toBe('60');
    expect(csvField(false)).toBe('false');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+cmd')).toBe("'+cmd");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("http://evil","click")')).toBe('"\'=HYPERLINK(""http://evil"",""click"")"');
    expect(csvField('2025-05-20')).toBe('2025-05-20');
  });

  it('starts with the UTF-8 BOM, then a header row, and ends every record with CRLF', () => {
    const csv = toCsv(
      ['state', 'name'],
      [
        ['TR', 'Türkiye'],
        ['XC', 'Turkish Republic of Northern Cyprus'],
      ],
    );
    expect(csv).toBe(`${BOM}state,name\r\nTR,Türkiye\r\nXC,Turkish Republic of Northern Cyprus\r\n`);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(csv, 'utf8').includes(Buffer.from('Türkiye', 'utf8'))).toBe(true);
  });

  it('writes one row per activity, hostile texts quoted, with as many fields as the header', () => {
    const report = hostileReport();
    const csv = renderPlanReportCsv(report);
    const records = parseCsv(csv.slice(BOM.length));
    expect(records[0]).toEqual([...PLAN_REPORT_CSV_HEADER]);
    expect(records).toHaveLength(1 + report.plan.activities.length);
    for (const record of records) expect(record).toHaveLength(PLAN_REPORT_CSV_HEADER.length);
    const column = (name: string) =>
      records.slice(1).map((r) => r[PLAN_REPORT_CSV_HEADER.indexOf(name as never)]);
    expect(column('activity')).toEqual([
      'Forum <img src=x onerror=alert(1)> & Co',
      'The "Bishkek" round, 2025\r\nsecond line',
      '\'=HYPERLINK("http://evil","click")',
    ]);
    expect(column('kind')).toEqual(['forum', 'forum', "'+cmd"]);
    expect(column('lead_state_name')).toEqual(['Türkiye', '', 'Türkiye']);
    expect(column('participating_states')[0]).toBe('AZ, KZ, KG, TR, UZ');
    expect(column('overdue')).toEqual(['true', 'false', 'true']);
    expect(column('actual_end')).toEqual(['', '', '']);
    expect(reportFileName(report, 'csv')).toBe('plan-diaspora-2025-as-of-occurred-2025-12-31.csv');
  });
});

/** A strict RFC 4180 reader, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (i >= text.length) throw new Error('unterminated quote');
        else field += text[i++];
      }
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '\r' || text[i] === '\n') throw new Error(`bare line break at ${i}`);
    else field += text[i++];
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}
