/**
 * The HTTP baseline: a bare Fastify server whose one route parses the command's JSON body and
 * replies with a JSON body shaped like the engine's reply, with no store behind it.
 * `node dist/bench/http-bare-server.js <port>`; prints `listening` once it accepts connections.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';

const port = Number(process.argv[2]);
const app = Fastify({ logger: false });
let position = 0;

app.get('/health/live', async () => ({ status: 'ok' }));
app.post<{ Params: { type: string }; Body: Record<string, unknown> }>(
  '/api/commands/:type',
  async (request) => {
    const { type } = request.params;
    const body = request.body;
    const id = String(body.activityId ?? body.planId ?? randomUUID());
    position++;
    return {
      commandId: randomUUID(),
      stream: `${type}-${id}`,
      revision: position,
      position,
      events: [{ id: randomUUID(), type: `${type}Done`, position }],
    };
  },
);

await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('listening\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
