#!/usr/bin/env node
// A small receiver of Kurultai's webhooks: plain Node 20, no dependencies.
//
//   WEBHOOK_SECRET=<the subscription's secret> node examples/webhook-receiver.mjs [port]
//
// It verifies every delivery before reading it: HMAC-SHA256 of "<Kurultai-Timestamp>.<raw body>"
// with the secret, compared in constant time with each `v1=` value of Kurultai-Signature, and a
// timestamp within 5 minutes of this clock. A forged or stale delivery gets 401. Deliveries are at
// least once, so an event id already handled is answered 200 and not handled again. Any 2xx moves
// the subscription on; anything else is retried by the engine. See docs/webhooks.md.
/* global process, console, Buffer -- plain Node */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error('WEBHOOK_SECRET must hold the secret the subscription was registered with');
  process.exit(2);
}
const port = Number(process.argv[2] ?? 8080);
const TOLERANCE_SECONDS = 5 * 60;

function verifyKurultaiWebhook(rawBody, headers) {
  const timestamp = headers['kurultai-timestamp'];
  const signature = headers['kurultai-signature'];
  if (!timestamp || !/^\d+$/.test(timestamp) || !signature) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  return signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .some((part) => {
      const given = Buffer.from(part.slice(3), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

/** Ids handled so far; keep them in your own store (and for longer than 5 minutes) in production. */
const handled = new Set();

/** What to do with one event: replace with your own handling. */
function handle(envelope) {
  console.log(`${envelope.position} ${envelope.type} ${envelope.stream} (${envelope.id})`);
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const rawBody = Buffer.concat(chunks);
    if (request.method !== 'POST' || !verifyKurultaiWebhook(rawBody, request.headers)) {
      console.error(`refused a delivery that is not signed with our secret`);
      response.writeHead(401).end();
      return;
    }
    const envelope = JSON.parse(rawBody.toString('utf8'));
    if (handled.has(envelope.id)) {
      console.error(`duplicate ${envelope.id}`);
    } else {
      handle(envelope);
      handled.add(envelope.id);
    }
    response.writeHead(204).end();
  });
});

server.listen(port, () => console.error(`listening on ${server.address().port}`));
