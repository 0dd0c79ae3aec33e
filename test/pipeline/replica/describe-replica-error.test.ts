import { describe, expect, it } from 'vitest';
import { describeReplicaError } from '../../../src/pipeline/replica/describe-replica-error.js';

describe('describeReplicaError', () => {
  it('keeps the code and the words, never an address', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' });
    expect(describeReplicaError(refused)).toBe('ECONNREFUSED: connect ECONNREFUSED <address>');
    const unknownHost = Object.assign(new Error('getaddrinfo ENOTFOUND db.internal.example'), { code: 'ENOTFOUND' });
    expect(describeReplicaError(unknownHost)).toBe('ENOTFOUND: getaddrinfo ENOTFOUND <address>');
    const ipv6 = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    expect(describeReplicaError(ipv6)).toBe('ECONNREFUSED: connect ECONNREFUSED <address>');
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(describeReplicaError(shutdown)).toBe('57P01: terminating connection due to administrator command');
    // Node reports a refused connection to several addresses as an AggregateError without a message.
    expect(describeReplicaError(Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    expect(describeReplicaError(new Error('could not reach postgres://newsbot:***@db:5432/newsbot'))).toBe('Error: could not reach <address>');
  });
});
