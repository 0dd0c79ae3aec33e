import dns from 'node:dns';
import net from 'node:net';
import { FetchError } from './fetch-error.js';
import { nonPublicReason } from './is-private-address.js';

/** One resolved address, as `dns.lookup(host, { all: true })` reports it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to its addresses (`dns.lookup` by default). */
export type LookupFunction = (hostname: string) => Promise<ResolvedAddress[]>;

const defaultLookup: LookupFunction = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * Checks a URL's scheme and resolves its host, refusing non-http(s) URLs and (unless allowed)
 * hosts with any address that is not public unicast (loopback, private, CGNAT, link-local, documentation,
 * 6to4, Teredo…; see `nonPublicReason`). Returns the address
 * to connect to, so the connection cannot be re-pointed by a second DNS answer.
 */
export async function resolveAllowedAddress(url: URL, allowPrivateAddresses: boolean, lookup: LookupFunction = defaultLookup): Promise<ResolvedAddress> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('blocked-address', url.href, `only http and https URLs are fetched, not ${url.protocol}`);
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  const literalFamily = net.isIP(hostname);
  if (literalFamily !== 0) {
    addresses = [{ address: hostname, family: literalFamily }];
  } else {
    try {
      addresses = await lookup(hostname);
    } catch (error) {
      throw new FetchError('network', url.href, `could not resolve host ${hostname}`, { cause: error });
    }
  }
  const [first] = addresses;
  if (!first) throw new FetchError('network', url.href, `host ${hostname} has no address`);
  if (!allowPrivateAddresses) {
    for (const entry of addresses) {
      const reason = nonPublicReason(entry.address);
      if (reason === null) continue;
      throw new FetchError('blocked-address', url.href, `host ${hostname} resolves to the non-public address ${entry.address} (${reason}); set FETCH_ALLOW_PRIVATE=1 to allow it`);
    }
  }
  return first;
}
