import { createPinoLogger, PinoNestLogger, scrubCredentials } from './pino-logger.js';

const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJmb2NhbC1wb2ludC1VWiJ9.c2lnbmF0dXJlLWJ5dGVz';
const API_KEY = 'kak_live_8f14e45fceea167a5a36dedd4bea2543';
const WEBHOOK_SECRET = 'whsec-0123456789abcdef0123456789abcdef';
const PASSWORD = 'correct horse battery staple';

function capture() {
  const lines: string[] = [];
  const logger = createPinoLogger('verbose', { write: (line: string) => void lines.push(line) });
  return { logger, nest: new PinoNestLogger(logger), text: () => lines.join('') };
}

describe('structured logs never carry credentials', () => {
  it('given request headers with a bearer token, an API key and a cookie, redacts them', () => {
    const { logger, text } = capture();
    logger.info(
      {
        req: {
          method: 'POST',
          headers: {
            authorization: `Bearer ${TOKEN}`,
            'x-api-key': API_KEY,
            'proxy-authorization': `Basic ${API_KEY}`,
            cookie: `session=${API_KEY}`,
          },
        },
      },
      'request',
    );
    expect(text()).toContain('"method":"POST"');
    expect(text()).toContain('[redacted]');
    for (const secret of [TOKEN, API_KEY]) expect(text()).not.toContain(secret);
  });

  it('given a webhook registration and a password at any depth up to three levels, redacts them', () => {
    const { logger, text } = capture();
    logger.info({ subscription: { id: 'ministry-portal', secret: WEBHOOK_SECRET } }, 'registered');
    logger.info({ body: { user: { credentials: { password: PASSWORD } } } }, 'login');
    logger.info({ secret: WEBHOOK_SECRET, apiKey: API_KEY, access_token: TOKEN }, 'flat');
    expect(text()).toContain('ministry-portal');
    for (const secret of [WEBHOOK_SECRET, PASSWORD, API_KEY, TOKEN]) expect(text()).not.toContain(secret);
  });

  it('given a credential inside text (a message, an error), scrubs it and keeps the rest', () => {
    const { logger, nest, text } = capture();
    logger.warn(`upstream refused Authorization: Bearer ${TOKEN} for /api/plans`);
    nest.error({ msg: 'request failed', error: { message: `token ${TOKEN} expired` } });
    nest.error(new Error(`jwks fetch failed for ${TOKEN}`));
    expect(text()).toContain('upstream refused Authorization: Bearer [redacted] for /api/plans');
    expect(text()).toContain('jwks fetch failed for [redacted]');
    expect(text()).not.toContain(TOKEN);
  });

  it('leaves text without credentials as it is', () => {
    expect(scrubCredentials('plan diaspora-2025 adopted at position 42')).toBe(
      'plan diaspora-2025 adopted at position 42',
    );
  });
});
