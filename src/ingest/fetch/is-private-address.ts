// Which addresses the fetcher may connect to. The ranges come from ipaddr.js (maintained with the IANA
// special-purpose registries), so a newly reserved block is one dependency update away, not a code change.
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/** IPv6 ranges that carry an IPv4 address to be judged instead: where a connection actually lands. */
const TRANSLATED_IPV6_RANGES = new Set(['ipv4Mapped', 'rfc6145']);
/** The NAT64 well-known prefix 64:ff9b::/96 (DNS64 returns it for public hosts on IPv6-only networks). */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
/** IPv4-compatible addresses ::a.b.c.d (deprecated by RFC 4291): never a public server. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * Why `address` is not a public unicast address (`"loopback"`, `"carrierGradeNat"`,
 * `"6to4 of 127.0.0.1 (loopback)"`…), or null when it is one. A host name or a malformed literal is
 * `"not an IP address"`. IPv4-mapped, IPv4-translated and NAT64 (64:ff9b::/96) addresses are judged by the
 * IPv4 address they carry; 6to4 and Teredo tunnels are refused whatever they carry, and their embedded IPv4
 * is named in the reason.
 */
export function nonPublicReason(address: string): string | null {
  // net.isIP first: ipaddr.js also accepts shorthand forms such as "127.1" or "0x7f.1", which are not addresses here.
  const family = net.isIP(address);
  if (family === 0) return 'not an IP address';
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(family === 6 ? canonicalIpv6(address) : address);
  } catch {
    return 'not an IP address';
  }
  return parsed.kind() === 'ipv4' ? ipv4Reason(parsed as ipaddr.IPv4) : ipv6Reason(parsed as ipaddr.IPv6);
}

/** True for every address that is not public unicast: loopback, private, CGNAT, link-local, documentation, 6to4… */
export function isPrivateAddress(address: string): boolean {
  return nonPublicReason(address) !== null;
}

/**
 * The address as Node's URL parser writes it: hex groups only, zone id dropped. ipaddr.js reads a dotted tail
 * as IPv4-mapped even without `ffff` ("::8.8.8.8" would pass as ::ffff:8.8.8.8), so it never sees one.
 */
function canonicalIpv6(address: string): string {
  const withoutZone = address.replace(/%.*$/, '');
  return new URL(`http://[${withoutZone}]/`).hostname.slice(1, -1);
}

function ipv4Reason(address: ipaddr.IPv4): string | null {
  const range = address.range();
  return range === 'unicast' ? null : range;
}

function ipv6Reason(address: ipaddr.IPv6): string | null {
  const range = address.range();
  if (TRANSLATED_IPV6_RANGES.has(range) || address.match(NAT64_WELL_KNOWN)) {
    const embedded = lastIpv4(address);
    const reason = ipv4Reason(embedded);
    return reason === null ? null : `${range} of ${embedded.toString()} (${reason})`;
  }
  if (range === '6to4') return tunnelReason('6to4', ipv4At(address, 1));
  if (range === 'teredo') return tunnelReason('teredo', teredoClient(address));
  if (range === 'unicast' && address.match(IPV4_COMPATIBLE)) return 'ipv4Compatible';
  return range === 'unicast' ? null : range;
}

function tunnelReason(range: string, embedded: ipaddr.IPv4): string {
  const embeddedReason = ipv4Reason(embedded);
  return `${range} of ${embedded.toString()}${embeddedReason === null ? '' : ` (${embeddedReason})`}`;
}

function lastIpv4(address: ipaddr.IPv6): ipaddr.IPv4 {
  return ipv4At(address, 6);
}

/** The IPv4 address in 16-bit groups `index` and `index + 1`. */
function ipv4At(address: ipaddr.IPv6, index: number): ipaddr.IPv4 {
  const high = address.parts[index] ?? 0;
  const low = address.parts[index + 1] ?? 0;
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** Teredo stores the client's IPv4 address in the last 32 bits, every bit inverted (RFC 4380). */
function teredoClient(address: ipaddr.IPv6): ipaddr.IPv4 {
  const inverted = ipv4At(address, 6).octets.map((octet) => octet ^ 0xff);
  return new ipaddr.IPv4(inverted);
}
