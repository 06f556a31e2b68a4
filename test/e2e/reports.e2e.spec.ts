import { join } from 'node:path';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');
const REPORT = '/api/reports/plans/diaspora-2025';

/** The annual implementation report of the 2025 plan, with the bundled scenario imported. */
describe('GET /api/reports/plans/{planId}', () => {
  let engine: RunningEngine;
  let head: number;

  beforeAll(async () => {
    engine = await startEngine();
    head = (await importScenario(engine, await loadScenario(FILE))).headPosition;
  }, 60_000);
  afterAll(() => engine.close());

  const get = async (path: string, accept?: string) => {
    const response = await fetch(engine.url + path, accept ? { headers: { accept } } : {});
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
  };

  it('answers a printable HTML page for Accept: text/html, as of the end of 2025 by when things happened', async () => {
    const page = await get(`${REPORT}?asOf=occurred:2025-12-31&minPosition=${head}`, 'text/html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = page.text;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // Standalone: no script, no stylesheet, image or font from anywhere.
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import|https?:\/\//i);
    expect(html).toContain('<h1>Diaspora Joint Activity Plan of the OTS for the year 2025</h1>');
    expect(html).toContain('<dd>2024-11-18</dd>');
    expect(html).toContain('<code>adopt-plan-2025</code> of meeting <code>diaspora-ministerial-6</code>');
    expect(html).toContain(
      'Azerbaijan (AZ), Kazakhstan (KZ), Kyrgyzstan (KG), Türkiye (TR), Uzbekistan (UZ)',
    );
    const rows = rowsOf(html);
    expect(rows).toEqual([
      expect.stringMatching(
        /Diaspora Exchange of Experience Program.*Completed.* 100%.*Uzbekistan \(UZ\).*2025-04-14 – 2025-04-18.*2025-04-14 – 2025-04-18.*No$/,
      ),
      expect.stringMatching(
        /Capacity Building Training Program.*Scheduled.* 0%.*Kazakhstan \(KZ\).*2025-06-09 – 2025-06-13.*—.*Overdue$/,
      ),
      expect.stringMatching(
        /Turkic Diaspora Forum.*In progress.* 60%.*Türkiye \(TR\).*2025-05-20 – 2025-05-22.*2025-05-20.*Overdue$/,
      ),
      expect.stringMatching(
        /Diaspora Youth Forum.*Postponed.* 0%.*Azerbaijan \(AZ\).*2025-09-15 – 2025-09-17.*—.*Overdue$/,
      ),
      expect.stringMatching(
        /Internship Program.*Scheduled.* 0%.*Kyrgyzstan \(KG\).*2025-08-01 – 2025-08-29.*—.*Overdue$/,
      ),
    ]);
    expect(html).toContain('<b>5</b> activities');
    expect(html).toContain('<b>32%</b> average progress');
    expect(html).toContain('<b>4</b> overdue on 2025-12-31');
    // Roll-ups by lead state and by kind.
    expect(html).toContain('<tr><td>Türkiye (TR)</td><td>1</td><td>60%</td></tr>');
    expect(html).toContain('<tr><td>forum</td><td>2</td><td>30%</td></tr>');
    // The footer: the log position and the as-of used.
    expect(html).toContain(`Log position <b>${head}</b>`);
    expect(html).toContain('As of <code>occurred:2025-12-31</code>');
    expect(html).toContain('everything that had happened by 2025-12-31 23:59:59 UTC');
  });

  it('answers the same as of occurred:<year>-12-31 by default, and with ?format=html', async () => {
    const byDefault = await get(`${REPORT}?format=html`);
    expect(byDefault.status).toBe(200);
    expect(byDefault.text).toContain(
      'As of <code>occurred:2025-12-31</code> (the end of the plan’s year, by default)',
    );
    expect(rowsOf(byDefault.text)).toEqual(
      rowsOf((await get(`${REPORT}?asOf=occurred:2025-12-31`, 'text/html')).text),
    );
    expect((await get(REPORT)).headers.get('content-type')).toContain('text/html');
  });

  it('answers CSV with ?format=csv: BOM, header row, CRLF, one row per activity', async () => {
    const csv = await get(`${REPORT}?format=csv&asOf=occurred:2025-12-31`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="plan-diaspora-2025-as-of-occurred-2025-12-31.csv"',
    );
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.text.slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [header, ...rows] = text.slice(0, -2).split('\r\n');
    expect(header).toBe(
      'plan_id,as_of,log_position,seq,activity_id,activity,kind,status,progress,lead_state,lead_state_name,' +
        'lead_institution_id,participating_states,planned_start,planned_end,actual_start,actual_end,overdue,scheduled_as',
    );
    const p = `diaspora-2025,occurred:2025-12-31,${head}`;
    const all = '"AZ, KZ, KG, TR, UZ"';
    expect(rows).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${p},1,exchange-of-experience-2025,Diaspora Exchange of Experience Program,exchange-programme,completed,100,UZ,Uzbekistan,[^,]*,${all},2025-04-14,2025-04-18,2025-04-14,2025-04-18,false,exchange-of-experience-2025$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^${p},2,capacity-building-2025,.*,scheduled,0,KZ,Kazakhstan,.*,2025-06-09,2025-06-13,,,true,`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^${p},3,turkic-diaspora-forum-2025,Turkic Diaspora Forum,forum,in-progress,60,TR,Türkiye,.*,2025-05-20,2025-05-22,2025-05-20,,true,`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^${p},4,diaspora-youth-forum-2025,Diaspora Youth Forum,forum,postponed,0,AZ,Azerbaijan,.*,2025-09-15,2025-09-17,,,true,`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^${p},5,internship-2025,Internship Program,internship,scheduled,0,KG,Kyrgyzstan,.*,2025-08-01,2025-08-29,,,true,`,
        ),
      ),
    ]);
  });

  it('takes CSV from the Accept header, and any asOf', async () => {
    const csv = await get(`${REPORT}?asOf=occurred:2025-05-21`, 'text/csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const statuses = csv.text
      .slice(1)
      .split('\r\n')
      .slice(1, -1)
      .map((row) => row.split(',')[7]);
    expect(statuses).toEqual(['completed', 'scheduled', 'in-progress', 'scheduled', 'scheduled']);
    const before = await get(`${REPORT}?asOf=occurred:2024-10-31&format=json`);
    expect(JSON.parse(before.text)).toMatchObject({
      plan: { status: 'drafted' },
      asOf: { defaulted: false },
    });
  });

  it('answers problem details for an unknown plan, a plan not recorded yet, a bad asOf or format', async () => {
    const unknown = await get('/api/reports/plans/no-such-plan', 'text/html');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    const early = JSON.parse((await get(`${REPORT}?asOf=2025-12-31`)).text);
    expect(early).toMatchObject({ status: 404, detail: expect.stringContaining('asOf=occurred:2025-12-31') });
    expect((await get(`${REPORT}?asOf=yesterday`)).status).toBe(400);
    expect((await get(`${REPORT}?format=pdf`)).status).toBe(400);
    expect((await get(REPORT, 'image/png')).status).toBe(406);
  });
});

/** The text of each activity row, tags removed, whitespace collapsed. */
function rowsOf(html: string): string[] {
  const body = html.split('<table class="activities">')[1].split('</tbody>')[0];
  return [...body.matchAll(/<tr class="[^"]*">([\s\S]*?)<\/tr>/g)].map((m) =>
    m[1]
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
