import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, type RunningEngine } from '../support/engine.js';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const SECRET = 'kurultai-webhook-secret-0123456789abcdef';

/** A running example: its stdout lines so far, and a wait for a line that matches. */
function run(script: string, args: string[], env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [join(EXAMPLES, script), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  const lines = (into: string[]) => (chunk: Buffer) =>
    into.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((l) => l !== ''),
    );
  child.stdout!.on('data', lines(out));
  child.stderr!.on('data', lines(err));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    out,
    err,
    async until(what: () => boolean, label: string): Promise<void> {
      for (let i = 0; i < 1200 && !what(); i++) await new Promise((r) => setTimeout(r, 25));
      if (!what())
        throw new Error(`${script} never ${label}; stdout ${out.join('|')} stderr ${err.join('|')}`);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const STATES = [
  ['AZ', 'Azerbaijan'],
  ['KZ', 'Kazakhstan'],
  ['KG', 'Kyrgyzstan'],
  ['TR', 'Türkiye'],
  ['UZ', 'Uzbekistan'],
];

/** The documented examples, run as a reader would run them, against the real engine. */
describe('the consumer examples', () => {
  let engine: RunningEngine;
  let dir: string;
  const register = async ([code, en]: string[]) =>
    expect(
      (
        await engine.post('/api/commands/RegisterState', {
          code,
          name: { en },
          membership: 'member',
          since: '2009-10-03',
        })
      ).status,
    ).toBe(200);

  beforeAll(async () => {
    engine = await startEngine({ KURULTAI_WEBHOOKS_ALLOW_PRIVATE: 'on' });
    dir = mkdtempSync(join(tmpdir(), 'kurultai-examples-'));
    for (const state of STATES.slice(0, 3)) await register(state);
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('examples/sse-consumer.mjs follows the feed, remembers its position and resumes without duplicates', async () => {
    const positionFile = join(dir, 'position.txt');
    const readPosition = () => {
      try {
        return Number(readFileSync(positionFile, 'utf8'));
      } catch {
        return 0;
      }
    };
    const env = { KURULTAI_TOKEN: engine.token, FEED_FILTER: 'types=StateRegistered' };
    const first = run('sse-consumer.mjs', [engine.url, positionFile], env);
    await first.until(() => first.out.length === 3, 'printed the three events');
    // It prints an event, then remembers its position: stop it once the third is remembered.
    const third = Number(first.out[2].split(' ')[0]);
    await first.until(() => readPosition() === third, 'remembered the third position');
    await first.stop();
    expect(first.out.map((line) => line.split(' ').slice(1, 3).join(' '))).toEqual([
      'StateRegistered state-AZ',
      'StateRegistered state-KZ',
      'StateRegistered state-KG',
    ]);

    for (const state of STATES.slice(3)) await register(state);
    const second = run('sse-consumer.mjs', [engine.url, positionFile], env);
    await second.until(() => second.out.length === 2, 'printed the two new events');
    await new Promise((r) => setTimeout(r, 200));
    await second.stop();
    expect(second.out.map((line) => line.split(' ')[2])).toEqual(['state-TR', 'state-UZ']);
  });

  it('examples/sse-consumer.mjs without a token is told 401 and keeps trying', async () => {
    const anonymous = run('sse-consumer.mjs', [engine.url, join(dir, 'anonymous.txt')], {
      KURULTAI_TOKEN: '',
    });
    await anonymous.until(() => anonymous.err.some((l) => l.includes('feed answered 401')), 'was refused');
    await anonymous.stop();
    expect(anonymous.out).toEqual([]);
  });

  it('examples/webhook-receiver.mjs verifies signatures, refuses forgeries and drops duplicates', async () => {
    const receiver = run('webhook-receiver.mjs', ['0'], { WEBHOOK_SECRET: SECRET });
    await receiver.until(() => receiver.err.some((l) => l.startsWith('listening on ')), 'listened');
    const port = Number(receiver.err.find((l) => l.startsWith('listening on '))!.split(' ')[2]);
    try {
      const subscribed = await engine.post('/api/subscriptions', {
        id: 'example-receiver',
        url: `http://127.0.0.1:${port}/kurultai`,
        secret: SECRET,
        filter: { types: ['StateRegistered'] },
        from: 0,
      });
      expect(subscribed.status).toBe(201);
      const registered = (await engine.get('/api/events?types=StateRegistered')).body.items.map(
        (e: { stream: string }) => e.stream,
      );
      expect(registered.length).toBeGreaterThanOrEqual(3);
      await receiver.until(() => receiver.out.length === registered.length, 'handled every event');
      expect(receiver.out.map((line) => line.split(' ')[2])).toEqual(registered);

      const body = JSON.stringify({
        id: 'hand-signed',
        type: 'StateRegistered',
        position: 99,
        stream: 'state-XX',
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const post = (signature: string) =>
        fetch(`http://127.0.0.1:${port}/kurultai`, {
          method: 'POST',
          headers: { 'kurultai-timestamp': String(timestamp), 'kurultai-signature': signature },
          body,
        });
      const forged = await post(
        `v1=${createHmac('sha256', 'not-the-secret').update(`${timestamp}.${body}`).digest('hex')}`,
      );
      expect(forged.status).toBe(401);
      const signed = `v1=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
      expect((await post(signed)).status).toBe(204);
      expect((await post(signed)).status).toBe(204);
      await receiver.until(
        () => receiver.err.some((l) => l === 'duplicate hand-signed'),
        'dropped the duplicate',
      );
      expect(receiver.out.filter((line) => line.includes('(hand-signed)'))).toHaveLength(1);
    } finally {
      await receiver.stop();
    }
  });
});
