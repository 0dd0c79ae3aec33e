import { describe, expect, it } from 'vitest';
import { isPrivateAddress, nonPublicReason } from '../../../src/ingest/fetch/is-private-address.js';
import { resolveAllowedAddress } from '../../../src/ingest/fetch/resolve-allowed-address.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a00:1',
    'not-an-ip',
  ])('blocks %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    // IPv4 special-purpose ranges
    ['100.127.255.254', 'carrierGradeNat'],
    ['192.0.2.10', 'reserved'], // TEST-NET-1 (documentation)
    ['198.51.100.7', 'reserved'], // TEST-NET-2
    ['203.0.113.200', 'reserved'], // TEST-NET-3
    ['198.18.0.1', 'reserved'], // benchmarking
    ['198.19.255.255', 'reserved'],
    ['192.0.0.8', 'reserved'], // IETF protocol assignments
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['239.255.255.250', 'multicast'],
    ['192.88.99.1', 'reserved'], // former 6to4 relay anycast
    // IPv6 special-purpose ranges
    ['2001:db8::1', 'reserved'], // documentation
    ['3fff::1', 'reserved'], // documentation (RFC 9637)
    ['2001:2::1', 'benchmarking'],
    ['100::1', 'discard'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['ff05::2', 'multicast'],
    ['fdff:ffff::1', 'uniqueLocal'],
    ['64:ff9b:1::1', 'rfc6052'], // local-use NAT64 prefix
    ['::127.0.0.1', 'ipv4Compatible'],
    ['::8.8.8.8', 'ipv4Compatible'],
  ])('blocks %s as %s', (address, reason) => {
    expect(nonPublicReason(address)).toBe(reason);
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    ['::ffff:100.64.0.1', 'ipv4Mapped of 100.64.0.1 (carrierGradeNat)'],
    ['::ffff:192.0.2.1', 'ipv4Mapped of 192.0.2.1 (reserved)'],
    ['::ffff:169.254.169.254', 'ipv4Mapped of 169.254.169.254 (linkLocal)'],
    ['::ffff:0:127.0.0.1', 'rfc6145 of 127.0.0.1 (loopback)'],
    ['64:ff9b::127.0.0.1', 'rfc6052 of 127.0.0.1 (loopback)'],
    ['64:ff9b::c0a8:101', 'rfc6052 of 192.168.1.1 (private)'],
  ])('judges %s by the IPv4 address it carries', (address, reason) => {
    expect(nonPublicReason(address)).toBe(reason);
  });

  it.each([
    ['2002:7f00:1::1', '6to4 of 127.0.0.1 (loopback)'],
    ['2002:a00:1::', '6to4 of 10.0.0.1 (private)'],
    ['2002:a9fe:a9fe::1', '6to4 of 169.254.169.254 (linkLocal)'],
    ['2002:808:808::1', '6to4 of 8.8.8.8'],
    // Teredo: server 65.54.227.120, client 127.0.0.1 stored inverted (0x80ff:fffe)
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'teredo of 127.0.0.1 (loopback)'],
    ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', 'teredo of 8.8.8.8'],
  ])('refuses the tunnel address %s and names what it embeds', (address, reason) => {
    expect(nonPublicReason(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '172.32.0.1', '192.169.0.1', '100.128.0.1', '198.20.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808', '2400:3200::1'])(
    'allows %s',
    (address) => {
      expect(nonPublicReason(address)).toBeNull();
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it.each(['127.1', '0x7f.0.0.1', '2130706433', '017700000001', ''])('treats the shorthand or malformed literal "%s" as blocked', (address) => {
    expect(nonPublicReason(address)).toBe('not an IP address');
  });
});

describe('resolveAllowedAddress with special-purpose addresses', () => {
  it('refuses a host with any non-public address and names the range', async () => {
    const lookup = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '2002:a9fe:a9fe::1', family: 6 },
    ];
    await expect(resolveAllowedAddress(new URL('https://news.example.com/feed'), false, lookup)).rejects.toThrow(
      /non-public address 2002:a9fe:a9fe::1 \(6to4 of 169\.254\.169\.254 \(linkLocal\)\); set FETCH_ALLOW_PRIVATE=1/,
    );
  });

  it('refuses documentation and CGNAT literals in the URL itself', async () => {
    await expect(resolveAllowedAddress(new URL('http://[2001:db8::5]/'), false)).rejects.toThrow(/\(reserved\)/);
    await expect(resolveAllowedAddress(new URL('http://100.100.100.200/latest/meta-data'), false)).rejects.toThrow(/\(carrierGradeNat\)/);
  });

  it('lets a NAT64-synthesised public address through (IPv6-only networks with DNS64)', async () => {
    const lookup = async () => [{ address: '64:ff9b::5db8:d822', family: 6 }];
    await expect(resolveAllowedAddress(new URL('https://news.example.com/'), false, lookup)).resolves.toEqual({ address: '64:ff9b::5db8:d822', family: 6 });
  });
});
