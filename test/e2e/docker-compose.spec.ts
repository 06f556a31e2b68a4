import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { connectionStringProblem } from '#event-store';
import { EngineConfig, loadConfig } from '../../apps/api/src/config.js';

const root = join(__dirname, '..', '..');

interface Service {
  readonly image?: string;
  readonly build?: string;
  readonly profiles?: string[];
  readonly ports?: string[];
  readonly environment?: Record<string, string>;
  readonly volumes?: string[];
  readonly healthcheck?: { readonly test: string[] };
  readonly depends_on?: Record<string, { readonly condition: string }>;
  readonly networks?:
    string[] | Record<string, { readonly ipv4_address?: string; readonly aliases?: string[] }>;
}

/** No Docker engine runs here: the compose file is checked against what the engine and the client read. */
describe('docker-compose.yml', () => {
  // Compose resolves YAML merge keys (`<<: *engine`) as YAML 1.1 does.
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
    networks: Record<string, unknown>;
  };
  const services = Object.entries(compose.services);
  const engines = services.filter(([, service]) => service.build === '.');
  const nodes = services.filter(([, service]) => service.image?.startsWith('eventstore/eventstore:'));
  const inProfile = (profile: string | undefined) => (entry: [string, Service]) =>
    profile === undefined ? entry[1].profiles === undefined : (entry[1].profiles ?? []).includes(profile);
  const engine = compose.services.kurultai;

  /** The hosts and ports a connection string names. */
  const hostsOf = (connectionString: string) =>
    connectionString
      .replace(/^esdb(\+discover)?:\/\//, '')
      .split(/[/?]/)[0]
      .split(',')
      .map((host) => {
        const [name, port] = host.split(':');
        return { name, port: port ?? '2113' };
      });

  it('configures every engine only with settings it knows, and values it accepts', () => {
    expect(engines.map(([name]) => name).sort()).toEqual([
      'kurultai',
      'kurultai-cluster',
      'kurultai-embedded',
    ]);
    const known = Object.keys(new EngineConfig());
    for (const [, service] of engines) {
      for (const name of Object.keys(service.environment ?? {})) expect(known).toContain(name);
      expect(() => loadConfig(service.environment)).not.toThrow();
    }
  });

  it('publishes the port each engine listens on and keeps its data folder on a volume of its own', () => {
    const volumes = new Set<string>();
    for (const [, service] of engines) {
      const config = loadConfig(service.environment);
      expect(service.ports?.some((port) => port.endsWith(`:${config.PORT}`))).toBe(true);
      const data = service.volumes?.find((volume) => volume.endsWith(`:${config.KURULTAI_DATA_DIR}`));
      expect(data).toBeDefined();
      const volume = data!.split(':')[0];
      expect(Object.keys(compose.volumes)).toContain(volume);
      volumes.add(volume);
    }
    expect(volumes.size).toBe(engines.length);
    const published = services
      .flatMap(([, service]) => service.ports ?? [])
      .map((port) => port.split(':')[0]);
    expect(new Set(published).size).toBe(published.length);
  });

  it('starts by default the engine on one EventStoreDB node it can reach, once the node is healthy', () => {
    expect(
      services
        .filter(inProfile(undefined))
        .map(([name]) => name)
        .sort(),
    ).toEqual(['eventstore', 'kurultai']);
    const config = loadConfig(engine.environment);
    expect(config.KURULTAI_STORE).toBe('esdb');
    expect(connectionStringProblem(config.KURULTAI_ESDB_CONNECTION_STRING!)).toBeNull();
    expect(config.KURULTAI_ESDB_CONNECTION_STRING).toMatch(/^esdb:\/\//);
    const [host] = hostsOf(config.KURULTAI_ESDB_CONNECTION_STRING!);
    const node = compose.services[host.name];
    expect(node.environment).toMatchObject({ EVENTSTORE_CLUSTER_SIZE: '1', EVENTSTORE_NODE_PORT: host.port });
    expect(engine.depends_on).toEqual({ [host.name]: { condition: 'service_healthy' } });
    // Insecure nodes speak plain gRPC: the connection string must say so.
    expect(node.environment!.EVENTSTORE_INSECURE).toBe('true');
    expect(config.KURULTAI_ESDB_CONNECTION_STRING).toContain('tls=false');
  });

  it('has a cluster profile of three nodes that gossip with each other, and an engine that discovers them', () => {
    const cluster = nodes.filter(inProfile('cluster'));
    expect(cluster).toHaveLength(3);
    const addresses = new Map<string, string>();
    for (const [name, service] of cluster) {
      expect(service.environment).toMatchObject({
        EVENTSTORE_CLUSTER_SIZE: '3',
        EVENTSTORE_NODE_PORT: '2113',
      });
      const network = (service.networks as Record<string, { ipv4_address: string; aliases: string[] }>)
        .cluster;
      expect(network.ipv4_address).toBe(service.environment!.EVENTSTORE_REPLICATION_IP);
      expect(network.aliases).toContain(name);
      expect(service.environment!.EVENTSTORE_ADVERTISE_HOST_TO_CLIENT_AS).toBe(name);
      addresses.set(name, network.ipv4_address);
    }
    for (const [name, service] of cluster) {
      const seeds = service.environment!.EVENTSTORE_GOSSIP_SEED.split(',').sort();
      const others = [...addresses].filter(([other]) => other !== name).map(([, ip]) => `${ip}:2113`);
      expect(seeds).toEqual(others.sort());
    }
    const data = cluster.map(([, service]) => service.volumes![0].split(':')[0]);
    expect(new Set(data).size).toBe(3);

    const discovering = compose.services['kurultai-cluster'];
    const config = loadConfig(discovering.environment);
    expect(config.KURULTAI_ESDB_CONNECTION_STRING).toMatch(/^esdb\+discover:\/\//);
    expect(connectionStringProblem(config.KURULTAI_ESDB_CONNECTION_STRING!)).toBeNull();
    expect(
      hostsOf(config.KURULTAI_ESDB_CONNECTION_STRING!)
        .map((host) => host.name)
        .sort(),
    ).toEqual([...addresses.keys()].sort());
    expect(Object.keys(discovering.depends_on!).sort()).toEqual([...addresses.keys()].sort());
    expect(discovering.networks).toContain('cluster');
  });

  it('has an embedded profile with the engine on its SQLite store alone', () => {
    const embedded = compose.services['kurultai-embedded'];
    expect(embedded.profiles).toEqual(['embedded']);
    expect(loadConfig(embedded.environment).KURULTAI_STORE).toBe('sqlite');
    expect(embedded.depends_on).toBeUndefined();
  });

  it('checks health: engines on /health/ready, database nodes on /health/live, and keeps the database on volumes', () => {
    for (const [, service] of engines) expect(service.healthcheck!.test.join(' ')).toContain('/health/ready');
    expect(nodes).toHaveLength(4);
    for (const [, service] of nodes) {
      expect(service.healthcheck!.test.join(' ')).toContain('http://localhost:2113/health/live');
      expect(service.environment).toMatchObject({
        EVENTSTORE_RUN_PROJECTIONS: 'System',
        EVENTSTORE_START_STANDARD_PROJECTIONS: 'true',
      });
      const data = service.volumes!.find((volume) => volume.endsWith(':/var/lib/eventstore'));
      expect(Object.keys(compose.volumes)).toContain(data!.split(':')[0]);
    }
  });

  it('builds from a Dockerfile that runs the built engine', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toContain('dist/apps/api/src/main.js');
    expect(dockerfile).toContain('"dist/apps/api/src/main.js"');
  });
});
