import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Resolves a host name to every address it has (dns.lookup with `all: true`). */
export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

/** Why a target was refused; `code` is stable and goes into the problem details. */
export class TargetRefused extends Error {
  constructor(
    readonly code: 'scheme' | 'url' | 'credentials' | 'unresolvable' | 'address',
    message: string,
    readonly address?: string,
    readonly range?: string,
  ) {
    super(message);
    this.name = 'TargetRefused';
  }
}

export interface TargetCheckOptions {
  /** Loopback, private, unique-local and the engine's own addresses are allowed (tests, local receivers). */
  readonly allowPrivateTargets: boolean;
  readonly resolve?: Resolve;
  /** The engine's own addresses; defaults to those of this host's network interfaces. */
  readonly ownAddresses?: () => readonly string[];
}

/** A checked target: the URL and the one address the connection must go to. */
export interface CheckedTarget {
  readonly url: URL;
  readonly address: string;
  readonly family: 4 | 6;
}

interface Range {
  readonly name: string;
  readonly list: BlockList;
  /** Refused even when private targets are allowed. */
  readonly always: boolean;
}

function range(name: string, always: boolean, subnets: [string, number, 'ipv4' | 'ipv6'][]): Range {
  const list = new BlockList();
  for (const [network, prefix, type] of subnets) list.addSubnet(network, prefix, type);
  return { name, list, always };
}

/**
 * Link-local (and with it the cloud metadata address 169.254.169.254) is refused always: no
 * receiver lives there. The others are refused unless private targets are allowed.
 */
const RANGES: readonly Range[] = [
  range('link-local', true, [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ]),
  range('unspecified', false, [
    ['0.0.0.0', 8, 'ipv4'],
    ['::', 128, 'ipv6'],
  ]),
  range('loopback', false, [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ]),
  range('private', false, [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['100.64.0.0', 10, 'ipv4'],
  ]),
  range('unique-local', false, [['fc00::', 7, 'ipv6']]),
  range('multicast', true, [
    ['224.0.0.0', 4, 'ipv4'],
    ['255.255.255.255', 32, 'ipv4'],
    ['ff00::', 8, 'ipv6'],
  ]),
];

/** `::ffff:10.0.0.1` is 10.0.0.1. */
function unmap(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** The name of the forbidden range an address lies in, or null. */
export function forbiddenRange(
  address: string,
  allowPrivateTargets: boolean,
  ownAddresses: readonly string[] = [],
): string | null {
  const plain = unmap(address.replace(/^\[|\]$/g, '').split('%')[0]);
  const family = isIP(plain);
  if (family === 0) return 'not-an-address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const r of RANGES) {
    if ((r.always || !allowPrivateTargets) && r.list.check(plain, type)) return r.name;
  }
  if (!allowPrivateTargets && ownAddresses.some((own) => unmap(own.split('%')[0]) === plain)) return 'own';
  return null;
}

function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((i) => i.address);
}

/**
 * The SSRF check, at registration and again before every delivery (DNS may have changed):
 * http(s) only, no credentials in the URL, and every address the host resolves to must be
 * outside the forbidden ranges. The delivery then connects to the checked address only.
 */
export async function checkTarget(raw: string, options: TargetCheckOptions): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused('url', 'the url is not a valid absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TargetRefused('scheme', `only http and https targets are allowed, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new TargetRefused('credentials', 'the url must not carry credentials');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await (options.resolve ?? systemResolve)(host);
  } catch (error) {
    throw new TargetRefused('unresolvable', `the host ${host} does not resolve: ${(error as Error).message}`);
  }
  if (addresses.length === 0) throw new TargetRefused('unresolvable', `the host ${host} has no address`);
  const own = (options.ownAddresses ?? interfaceAddresses)();
  for (const { address } of addresses) {
    const forbidden = forbiddenRange(address, options.allowPrivateTargets, own);
    if (forbidden) {
      throw new TargetRefused(
        'address',
        `the host ${host} resolves to ${address}, a ${forbidden} address; webhooks may not target it`,
        address,
        forbidden,
      );
    }
  }
  const first = addresses[0];
  return { url, address: unmap(first.address), family: isIP(unmap(first.address)) === 6 ? 6 : 4 };
}
