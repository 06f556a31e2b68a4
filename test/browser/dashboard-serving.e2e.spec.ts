import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DASHBOARD_SECURITY_HEADERS, dashboardFolder } from '../../apps/api/src/create-app.js';
import { freePort, ROOT, spawnEngine, waitUntilLive } from '../support/engine-process.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const DASHBOARD = join(ROOT, 'apps', 'api', 'dashboard');
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** The dashboard's files at `/`, from the sources (Jest, CommonJS) and from the build (ES module). */
describe('serving the dashboard', () => {
  describe('from the sources', () => {
    let engine: RunningEngine;
    beforeAll(async () => {
      engine = await startEngine();
    });
    afterAll(() => engine.close());

    it('serves the page at / with a Content-Security-Policy that allows only its own origin', async () => {
      const response = await fetch(`${engine.url}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const html = await response.text();
      expect(html).toContain('<script type="module" src="/js/main.js"></script>');
      // Nothing from elsewhere, nothing inline: every script and style is a file of the page.
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).not.toMatch(/<style|\sstyle=|<script>|\son[a-z]+=/i);
    });

    it('serves its scripts, styles and icon with their types, and leaves unknown paths to the API', async () => {
      for (const [path, type] of [
        ['/js/main.js', /javascript/],
        ['/js/sections/plan.js', /javascript/],
        ['/css/dashboard.css', /^text\/css/],
        ['/favicon.svg', /^image\/svg\+xml/],
        ['/index.html', /^text\/html/],
      ] as const) {
        const response = await fetch(engine.url + path);
        expect([path, response.status]).toEqual([path, 200]);
        expect(response.headers.get('content-type')).toMatch(type);
        expect(response.headers.get('content-security-policy')).toBe(CSP);
      }
      const missing = await fetch(`${engine.url}/no-such-page.html`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/json/);
      expect((await fetch(`${engine.url}/..%2f..%2fpackage.json`)).status).toBe(404);
      expect((await engine.get('/api/plans')).status).toBe(200);
    });

    it('exports the same headers it sends', () => {
      expect(DASHBOARD_SECURITY_HEADERS['content-security-policy']).toBe(CSP);
    });
  });

  describe('finding the folder', () => {
    it('from the sources, from the build, and from the working folder', () => {
      expect(dashboardFolder(join(ROOT, 'apps', 'api', 'src'), '/')).toBe(DASHBOARD);
      expect(dashboardFolder(join(ROOT, 'dist', 'apps', 'api', 'src'), '/')).toBe(DASHBOARD);
      expect(dashboardFolder('/', ROOT)).toBe(DASHBOARD);
      // Under Jest the module's own folder is apps/api/src.
      expect(dashboardFolder(undefined, '/')).toBe(DASHBOARD);
    });

    it('finds nothing when neither place has it', () => {
      const elsewhere = mkdtempSync(join(tmpdir(), 'kurultai-nowhere-'));
      try {
        expect(dashboardFolder(elsewhere, elsewhere)).toBeNull();
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    });
  });

  describe('from the build, as npm start runs it', () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'kurultai-dashboard-'));
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('serves the page from <repo>/apps/api/dashboard, which the build does not copy', async () => {
      const engine = spawnEngine({ KURULTAI_DATA_DIR: dataDir }, await freePort());
      try {
        await waitUntilLive(engine);
        const response = await fetch(`${engine.url}/`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-security-policy')).toBe(CSP);
        expect(await response.text()).toContain('Kurultai dashboard');
        expect((await fetch(`${engine.url}/js/main.js`)).status).toBe(200);
      } finally {
        engine.child.kill('SIGTERM');
        await engine.exited();
      }
      expect(engine.output()).not.toMatch(/was not found/);
    });
  });
});
