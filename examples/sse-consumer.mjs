#!/usr/bin/env node
// A small consumer of Kurultai's event feed (GET /api/events/stream): plain Node 20, no dependencies.
//
//   node examples/sse-consumer.mjs [baseUrl] [stateFile]
//   node examples/sse-consumer.mjs http://localhost:3000 ./feed-position.txt
//
// Environment: KURULTAI_TOKEN, the bearer token (JWT or API key) of the reader; the feed answers 401
// without one and gives each reader the events it may see. FEED_FILTER (optional), the query string
// of filters (e.g. "types=PlanAdopted&state=UZ").
//
// It follows the feed from the position remembered in stateFile (0 the first time), writes the
// position of every event it has handled into that file, and reconnects with Last-Event-ID after a
// disconnection, a server restart or an `overflow` message. The feed is at-least-once: after a
// reconnection an event may come again, so the consumer drops any event whose id it has handled
// (positions only grow, so one number is enough to recognise them; the envelope's `id` is kept for
// logging). See docs/subscriptions.md.
/* global process, console, URL, setTimeout -- plain Node */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { get as getTls } from 'node:https';

const baseUrl = process.argv[2] ?? 'http://localhost:3000';
const stateFile = process.argv[3] ?? './feed-position.txt';
const filter = process.env.FEED_FILTER ?? '';
const token = process.env.KURULTAI_TOKEN;

/** The last handled position, kept across runs. */
function loadPosition() {
  try {
    const text = readFileSync(stateFile, 'utf8').trim();
    return /^\d+$/.test(text) ? Number(text) : 0;
  } catch {
    return 0;
  }
}

function savePosition(position) {
  // Write then rename: a crash leaves the old position or the new one, never half a number.
  writeFileSync(`${stateFile}.tmp`, String(position));
  renameSync(`${stateFile}.tmp`, stateFile);
}

let lastPosition = loadPosition();

/** What to do with one event: replace with your own (idempotent) handling. */
function handle(envelope) {
  console.log(`${envelope.position} ${envelope.type} ${envelope.stream} (${envelope.id})`);
}

function onMessage({ id, event, data }) {
  if (event === 'overflow') {
    // The server closes the connection after it; we reconnect from our last position.
    console.error(`overflow: ${data}`);
    return;
  }
  if (id === undefined) return;
  const position = Number(id);
  if (position <= lastPosition) return; // a duplicate after a reconnection: already handled
  handle(JSON.parse(data));
  lastPosition = position;
  savePosition(position);
}

/** Splits the stream into messages (WHATWG event-stream format): fields until a blank line. */
function parser(onMessage) {
  let buffer = '';
  let message = { data: [] };
  return (text) => {
    buffer += text;
    let newline;
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line === '') {
        if (message.data.length > 0 || message.event) {
          onMessage({ id: message.id, event: message.event ?? 'message', data: message.data.join('\n') });
        }
        message = { data: [] };
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') message.data.push(value);
        else if (field === 'id' || field === 'event') message[field] = value;
      }
    }
  };
}

let retryMs = 2000;
const IDLE_MS = 60_000; // no byte (not even a heartbeat) for this long: the connection is dead

function connect() {
  const url = new URL(`/api/events/stream${filter ? `?${filter}` : ''}`, baseUrl);
  const request = (url.protocol === 'https:' ? getTls : get)(
    url,
    {
      headers: {
        accept: 'text/event-stream',
        'last-event-id': String(lastPosition),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    },
    (response) => {
      if (response.statusCode !== 200) {
        console.error(`feed answered ${response.statusCode}; retrying`);
        response.resume();
        return;
      }
      console.error(`following ${url.href} after ${lastPosition}`);
      const push = parser(onMessage);
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        const retry = /^retry: (\d+)$/m.exec(chunk);
        if (retry) retryMs = Number(retry[1]);
        push(chunk);
      });
    },
  );
  request.setTimeout(IDLE_MS, () => request.destroy(new Error('no heartbeat')));
  request.on('error', (error) => console.error(`feed connection: ${error.message}`));
  request.on('close', () => setTimeout(connect, retryMs));
}

connect();
