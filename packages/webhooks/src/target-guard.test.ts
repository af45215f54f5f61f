import { describe, expect, it } from 'vitest';
import { checkTarget, createTargetPolicy, forbiddenReason } from './target-guard.ts';

const strict = createTargetPolicy();
const noDns = async () => {
  throw new Error('no DNS in this test');
};

describe('SSRF target guard', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00:ec2::254', 'unique local (private)'],
    ['fe80::1', 'link-local'],
    ['::ffff:127.0.0.1', 'loopback (127.0.0.1 inside IPv6)'],
    ['::ffff:7f00:1', 'loopback (127.0.0.1 inside IPv6)'],
    ['64:ff9b::a00:1', 'private (10.0.0.1 inside IPv6)'],
    ['2002:c0a8:101::1', 'private (192.168.1.1 inside IPv6)'],
    ['2001:db8::1', 'documentation'],
  ])('refuses %s (%s)', (address, label) => {
    expect(forbiddenReason(address, strict)).toBe(label);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('accepts the public address %s', (address) => {
    expect(forbiddenReason(address, strict)).toBeNull();
  });

  it('lets the operator allow-list addresses and ranges', () => {
    const p = createTargetPolicy({ allowedTargets: '127.0.0.1, 10.20.0.0/16 fd00::/8' });
    expect(forbiddenReason('127.0.0.1', p)).toBeNull();
    expect(forbiddenReason('127.0.0.2', p)).toBe('loopback');
    expect(forbiddenReason('10.20.5.5', p)).toBeNull();
    expect(forbiddenReason('10.21.0.1', p)).toBe('private');
    expect(forbiddenReason('fd00:ec2::254', p)).toBeNull();
    expect(() => createTargetPolicy({ allowedTargets: 'intranet.local' })).toThrow(/not an IP address/);
    expect(() => createTargetPolicy({ allowedTargets: '10.0.0.0/33' })).toThrow(/prefix/);
  });

  it('sees through the URL spellings of an address (decimal, hex, short forms, brackets)', async () => {
    for (const url of ['https://2130706433/', 'https://0x7f.1/', 'https://127.1/', 'https://[::1]/', 'https://[::ffff:169.254.169.254]/']) {
      await expect(checkTarget(url, strict, noDns), url).rejects.toMatchObject({ code: 'webhook.target_forbidden' });
    }
  });

  it('refuses a name when any of its addresses is forbidden, and keeps the checked address', async () => {
    const mixed = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    await expect(checkTarget('https://hooks.example.com/x', strict, mixed)).rejects.toMatchObject({ code: 'webhook.target_forbidden', message: expect.stringContaining('10.0.0.7') });
    const ok = await checkTarget('https://hooks.example.com:8443/x?y=1', strict, async () => [{ address: '93.184.215.14', family: 4 }]);
    expect(ok).toMatchObject({ hostname: 'hooks.example.com', address: '93.184.215.14', family: 4, port: 8443 });
  });

  it('asks for https unless plain http is allowed, and refuses credentials in the URL', async () => {
    await expect(checkTarget('http://93.184.215.14/', strict, noDns)).rejects.toMatchObject({ code: 'webhook.target_invalid' });
    await expect(checkTarget('http://93.184.215.14/', createTargetPolicy({ allowHttp: true }), noDns)).resolves.toMatchObject({ port: 80 });
    await expect(checkTarget('https://user:pw@93.184.215.14/', strict, noDns)).rejects.toMatchObject({ code: 'webhook.target_invalid' });
    await expect(checkTarget('ftp://93.184.215.14/', strict, noDns)).rejects.toMatchObject({ code: 'webhook.target_invalid' });
    await expect(checkTarget('not a url', strict, noDns)).rejects.toMatchObject({ code: 'webhook.target_invalid' });
  });

  it('reports a name that does not resolve as retryable', async () => {
    await expect(checkTarget('https://nowhere.invalid/', strict, noDns)).rejects.toMatchObject({ code: 'webhook.dns_failed', retryable: true });
  });
});
