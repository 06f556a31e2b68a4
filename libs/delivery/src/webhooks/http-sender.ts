import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './target-check.js';

export type SendResult =
  | { readonly ok: true; readonly status: number }
  | { readonly ok: false; readonly status?: number; readonly error: string };

/**
 * POSTs `body` to a checked target. The connection goes to the address the check approved
 * (a custom `lookup`), so a DNS answer that changes between the check and the connection
 * (rebinding) cannot redirect it; TLS still verifies the certificate against the host name.
 * Redirects are not followed. Anything but a 2xx within `timeoutMs` is a failure.
 */
export function send(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<SendResult> {
  return new Promise((resolve) => {
    const pinned: LookupFunction = (_host, options, callback) => {
      const all = (options as { all?: boolean }).all;
      if (all) {
        (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
          { address: target.address, family: target.family },
        ]);
      } else callback(null, target.address, target.family);
    };
    const options: RequestOptions = {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      lookup: pinned,
      signal,
      agent: false,
    };
    const make = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = make(target.url, options, (res) => {
      const status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () =>
        finish(
          status >= 200 && status < 300
            ? { ok: true, status }
            : { ok: false, status, error: `HTTP ${status}` },
        ),
      );
      res.on('error', (error) => finish({ ok: false, status, error: error.message }));
    });
    const timer = setTimeout(() => {
      finish({ ok: false, error: `timeout after ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, error: error.code ? `${error.code}: ${error.message}` : error.message }),
    );
    req.end(body);
  });
}
