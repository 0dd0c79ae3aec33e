import net from 'node:net';

// IPv4 ranges that never belong to a public web server: this-network, private, shared (CGNAT),
// loopback, link-local, IETF protocol, benchmarking, multicast, reserved and broadcast.
const BLOCKED_IPV4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

/**
 * True for loopback, private, link-local, unique-local, multicast and unspecified addresses
 * (IPv4, IPv6 and IPv4-mapped IPv6). Anything that is not an IP literal counts as blocked.
 */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return isPrivateIpv4(ipv4ToNumber(address));
  if (family === 6) return isPrivateIpv6(address);
  return true;
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((total, part) => total * 256 + Number(part), 0);
}

function isPrivateIpv4(value: number): boolean {
  return BLOCKED_IPV4.some(([base, prefix]) => {
    const size = 2 ** (32 - prefix);
    const start = ipv4ToNumber(base);
    return value >= start && value < start + size;
  });
}

function isPrivateIpv6(address: string): boolean {
  const groups = expandIpv6(address);
  const [first = 0] = groups;
  if (groups.every((group) => group === 0)) return true; // ::
  if (groups.slice(0, 7).every((group) => group === 0) && groups[7] === 1) return true; // ::1
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique-local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xffc0) === 0xfec0) return true; // fec0::/10 deprecated site-local
  if ((first & 0xff00) === 0xff00) return true; // multicast
  const embedsIpv4 =
    (groups.slice(0, 5).every((group) => group === 0) && (groups[5] === 0xffff || groups[5] === 0)) || // ::ffff:a.b.c.d, ::a.b.c.d
    (first === 0x64 && groups[1] === 0xff9b); // 64:ff9b::/96 NAT64
  if (embedsIpv4) return isPrivateIpv4(((groups[6] ?? 0) * 65536 + (groups[7] ?? 0)) >>> 0);
  return false;
}

/** Eight 16-bit groups; a trailing dotted IPv4 part becomes the last two groups. */
function expandIpv6(address: string): number[] {
  let text = address.replace(/%.*$/, '').toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const value = ipv4ToNumber(dotted[1]);
    text = `${text.slice(0, -dotted[1].length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups].map((group) => parseInt(group, 16) || 0);
}
