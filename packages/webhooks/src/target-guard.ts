import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '@hds/core';

/**
 * The server-side request forgery guard: a webhook target must be a public
 * address. Loopback, private, link-local (cloud metadata at 169.254.169.254),
 * carrier-grade NAT, IPv6 unique-local and every other special-purpose range
 * are refused unless the operator allow-lists them (WEBHOOK_ALLOWED_TARGETS).
 * The name is resolved once, every address checked, and the connection made
 * to the checked address (see delivery.client.ts): a DNS answer that changes
 * between the check and the connection (rebinding) cannot redirect it.
 */

// IANA special-purpose registries (RFC 6890 and successors), plus multicast and reserved space.
const FORBIDDEN_V4: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const FORBIDDEN_V6: Array<[string, number, string]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'local NAT64'],
  ['100::', 64, 'discard'],
  ['2001::', 23, 'IETF protocol assignments'],
  ['2001:db8::', 32, 'documentation'],
  ['3fff::', 20, 'documentation'],
  ['5f00::', 16, 'segment routing'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

const compile = (list: Array<[string, number, string]>, type: 'ipv4' | 'ipv6') =>
  list.map(([net, prefix, label]) => {
    const one = new BlockList();
    one.addSubnet(net, prefix, type);
    return { one, label };
  });
const RANGES = { 4: compile(FORBIDDEN_V4, 'ipv4'), 6: compile(FORBIDDEN_V6, 'ipv6') };
const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet('2000::', 3, 'ipv6');

function rangeLabel(address: string, family: 4 | 6): string | null {
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return RANGES[family].find((r) => r.one.check(address, type))?.label ?? null;
}

/** IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4): judged by that address. */
function embeddedV4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const words = expandV6(lower);
  if (!words) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  // ::ffff:a.b.c.d written in hex, and NAT64 64:ff9b::/96.
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) return v4(words[6]!, words[7]!);
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0)) return v4(words[6]!, words[7]!);
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!);
  return null;
}

function expandV6(address: string): number[] | null {
  if (address.includes('.')) return null;
  const [head, tail] = address.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const h = part(head);
  const t = part(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - h.length - t.length).fill(0);
  const words = [...h, ...fill, ...t];
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}

export interface TargetPolicy {
  /** CIDRs or single addresses the operator allows although they are not public (a receiver on the internal network, the tests' loopback). */
  allowed: BlockList;
  /** Plain http accepted (signatures protect integrity, not confidentiality). */
  allowHttp: boolean;
}

/** `10.20.0.0/16, 127.0.0.1, fd00::/8` → a policy. Invalid entries throw (configuration is checked at start). */
export function createTargetPolicy(opts: { allowedTargets?: string; allowHttp?: boolean } = {}): TargetPolicy {
  const allowed = new BlockList();
  for (const raw of (opts.allowedTargets ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [addr, prefixText] = raw.split('/') as [string, string | undefined];
    const family = isIP(addr);
    if (family === 0) throw new AppError('webhook.allow_list_invalid', `WEBHOOK_ALLOWED_TARGETS: "${raw}" is not an IP address or CIDR`);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) throw new AppError('webhook.allow_list_invalid', `WEBHOOK_ALLOWED_TARGETS: "${raw}" has an invalid prefix length`);
    allowed.addSubnet(addr, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return { allowed, allowHttp: opts.allowHttp ?? false };
}

/** Why an address may not be a target, or null when it may. */
export function forbiddenReason(address: string, policy: TargetPolicy): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  if (policy.allowed.check(address, family === 4 ? 'ipv4' : 'ipv6')) return null;
  if (family === 6) {
    const v4 = embeddedV4(address);
    if (v4) {
      if (policy.allowed.check(v4, 'ipv4')) return null;
      const inner = rangeLabel(v4, 4);
      return inner ? `${inner} (${v4} inside IPv6)` : null;
    }
    // Outside 2000::/3 nothing is a public unicast address.
    if (!GLOBAL_UNICAST_V6.check(address, 'ipv6')) return rangeLabel(address, 6) ?? 'non-global IPv6';
  }
  return rangeLabel(address, family as 4 | 6);
}

export interface CheckedTarget {
  url: URL;
  /** Host name as written (Host header, TLS server name). */
  hostname: string;
  /** The checked address the connection must go to. */
  address: string;
  family: 4 | 6;
  port: number;
}

export type Resolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const forbidden = (message: string) => new AppError('webhook.target_forbidden', message, { httpStatus: 400 });

/** The URL's own rules, before any resolution: scheme, no credentials, a host. */
export function parseTargetUrl(raw: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('webhook.target_invalid', 'The webhook URL is not a valid absolute URL', { httpStatus: 400 });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    throw new AppError('webhook.target_invalid', policy.allowHttp ? 'The webhook URL must be http or https' : 'The webhook URL must be https (plain http is not allowed by the operator)', { httpStatus: 400 });
  }
  if (url.username || url.password) throw new AppError('webhook.target_invalid', 'The webhook URL must not carry credentials', { httpStatus: 400 });
  if (!url.hostname) throw new AppError('webhook.target_invalid', 'The webhook URL has no host', { httpStatus: 400 });
  return url;
}

/**
 * Resolves the target and checks every address it resolves to: one
 * forbidden address is enough to refuse (a name answering both a public and
 * a private address could be steered to the private one). No connection is
 * made here.
 */
export async function checkTarget(raw: string, policy: TargetPolicy, resolve: Resolver = systemResolver): Promise<CheckedTarget> {
  const url = parseTargetUrl(raw, policy);
  // The WHATWG parser has already normalised 0x7f.1, 2130706433 and friends to dotted form.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch (err) {
      throw new AppError('webhook.dns_failed', `The webhook host ${host} does not resolve (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { retryable: true, httpStatus: 400, cause: err });
    }
    if (addresses.length === 0) throw new AppError('webhook.dns_failed', `The webhook host ${host} does not resolve`, { retryable: true, httpStatus: 400 });
  }
  for (const a of addresses) {
    const reason = forbiddenReason(a.address, policy);
    if (reason) throw forbidden(`The webhook target ${host} resolves to ${a.address}, a ${reason} address; allow it with WEBHOOK_ALLOWED_TARGETS if it is meant`);
  }
  const first = addresses[0]!;
  return { url, hostname: host, address: first.address, family: first.family === 6 ? 6 : 4, port };
}
