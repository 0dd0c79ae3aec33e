import http from 'node:http';
import https from 'node:https';
import type { ResolvedAddress } from './resolve-allowed-address.js';

// Keep-alive agents shared by every fetch: polite to servers, and sockets stay unref'd when idle.
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/**
 * Sends one GET and resolves with the response head. The connection goes to `address` (already
 * checked), not to whatever a second DNS lookup would answer; TLS still verifies the host name.
 */
export function sendRequest(url: URL, address: ResolvedAddress, headers: Record<string, string>, signal: AbortSignal): Promise<http.IncomingMessage> {
  const pinnedLookup = (_hostname: string, options: { all?: boolean }, callback: (error: Error | null, address: string | ResolvedAddress[], family?: number) => void): void => {
    if (options.all) callback(null, [address]);
    else callback(null, address.address, address.family);
  };
  const isHttps = url.protocol === 'https:';
  const requestOptions: https.RequestOptions = {
    method: 'GET',
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port || (isHttps ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    headers,
    signal,
    agent: isHttps ? agents['https:'] : agents['http:'],
    lookup: pinnedLookup as unknown as http.RequestOptions['lookup'],
  };
  return new Promise((resolve, reject) => {
    const request = (isHttps ? https : http).request(requestOptions, resolve);
    request.on('error', reject);
    request.end();
  });
}
