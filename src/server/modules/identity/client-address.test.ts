import { describe, expect, it } from 'vitest';
import { addressBucket } from './client-address.ts';

describe('addressBucket', () => {
  it('keeps IPv4 addresses, also when written as IPv4-mapped IPv6', () => {
    expect(addressBucket('203.113.7.9')).toBe('203.113.7.9');
    expect(addressBucket('::ffff:203.113.7.9')).toBe('203.113.7.9');
  });

  it('puts every address of one IPv6 /64 in one bucket, however it is written', () => {
    const one = addressBucket('2001:db8:85a3:12::8a2e:370:7334');
    expect(one).toBe('2001:db8:85a3:12::/64');
    expect(addressBucket('2001:0db8:85a3:0012:ffff:ffff:ffff:1')).toBe(one);
    expect(addressBucket('2001:DB8:85A3:12::1%eth0')).toBe(one);
    expect(addressBucket('2001:db8:85a3:13::1')).not.toBe(one);
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('passes anything else through unchanged', () => {
    expect(addressBucket('unknown')).toBe('unknown');
  });
});
