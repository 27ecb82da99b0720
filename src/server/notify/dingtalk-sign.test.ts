import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dingtalkSignature } from './dingtalk-sign.js';

describe('DingTalk 加签', () => {
  it('matches HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret, computed by openssl', () => {
    const secret = 'SEC0123456789abcdef';
    const timestamp = 1718000000000;
    // Independent of node:crypto: the openssl command line.
    const expected = execFileSync('sh', [
      '-c',
      `printf '%s\\n%s' "${timestamp}" "${secret}" | openssl dgst -sha256 -hmac "${secret}" -binary | openssl base64 -A`,
    ])
      .toString()
      .trim();
    expect(expected).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(dingtalkSignature(secret, timestamp)).toBe(expected);
  });

  it('gives the value computed once by openssl for a fixed secret and time', () => {
    expect(dingtalkSignature('SECtest', 1700000000000)).toBe('aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=');
    expect(dingtalkSignature('SECtest', 1700000000001)).not.toBe('aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=');
  });
});
