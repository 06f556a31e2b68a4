import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EngineConfig, loadConfig } from '../../apps/api/src/config.js';

const root = join(__dirname, '..', '..');

/** No Docker engine runs here: the compose file is checked against what the engine reads. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
  const engine = compose.services.kurultai;

  it('configures the engine only with settings it knows, and values it accepts', () => {
    const known = Object.keys(new EngineConfig());
    for (const name of Object.keys(engine.environment)) expect(known).toContain(name);
    expect(() => loadConfig(engine.environment)).not.toThrow();
  });

  it('publishes the port the engine listens on and keeps the data folder on a volume', () => {
    const config = loadConfig(engine.environment);
    expect(engine.ports).toContain(`${config.PORT}:${config.PORT}`);
    expect(engine.volumes).toContain(`kurultai-data:${config.KURULTAI_DATA_DIR}`);
    expect(Object.keys(compose.volumes)).toContain('kurultai-data');
  });

  it('checks readiness on the health endpoint the engine serves', () => {
    expect(engine.healthcheck.test.join(' ')).toContain('/health/ready');
  });

  it('builds from a Dockerfile that runs the built engine', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toContain('dist/apps/api/src/main.js');
    expect(dockerfile).toContain('"dist/apps/api/src/main.js"');
  });
});
