import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { isUntrackedRecipient, redirectTargetFor } from '../../src/tracking/link-policy.ts';
import { createTokenCodec } from '../../src/tracking/tokens.ts';

describe('tokens', () => {
  it('are 128 random bits, never repeated', () => {
    const codec = createTokenCodec('');
    const tokens = new Set(Array.from({ length: 2000 }, () => codec.mint()));
    assert.equal(tokens.size, 2000);
    for (const t of tokens) assert.match(t, /^[0-9a-f]{32}$/);
  });
  it('with a secret, a forged or altered token is refused before any lookup', () => {
    const codec = createTokenCodec('s3cret');
    const token = codec.mint();
    assert.equal(codec.check(token), token);
    assert.equal(codec.check(token.toUpperCase()), token, 'a gateway that upper-cases the URL does not break it');
    const flipped = token.slice(0, 40) + (token[40] === 'a' ? 'b' : 'a') + token.slice(41);
    assert.equal(codec.check(flipped), null);
    assert.equal(codec.check(`${'0'.repeat(32)}${'1'.repeat(12)}`), null);
    assert.equal(createTokenCodec('other').check(token), null);
    assert.equal(codec.check(token.slice(0, 32)), null, 'an untagged token is refused when tags are on');
  });
  it('malformed input is refused', () => {
    const codec = createTokenCodec('');
    for (const bad of ['', 'x', '../../etc/passwd', 'g'.repeat(32), 'a'.repeat(10_000)])
      assert.equal(codec.check(bad), null);
  });
});

describe('which links get a click URL', () => {
  it('leaves mailto:, tel:, notrack, unsubscribe and excluded domains alone', () => {
    assert.equal(redirectTargetFor('mailto:ann@example.com', []), null);
    assert.equal(redirectTargetFor('tel:+4930123456', []), null);
    assert.equal(redirectTargetFor('https+notrack://example.com/private', []), null);
    assert.equal(redirectTargetFor('https://example.com/unsubscribe?u=1', []), null);
    assert.equal(redirectTargetFor('javascript:alert(1)', []), null);
    assert.equal(redirectTargetFor('https://docs.internal.example/x', ['internal.example']), null);
    assert.equal(redirectTargetFor('https://example.com/pricing', ['internal.example']), 'https://example.com/pricing');
  });
  it('stores the normalised URL so the Location header is always valid', () => {
    assert.equal(
      redirectTargetFor('https://example.com/größe?q=ä b', []),
      'https://example.com/gr%C3%B6%C3%9Fe?q=%C3%A4%20b',
    );
  });
  it('matches recipient domains and their subdomains', () => {
    assert.ok(isUntrackedRecipient('Ann <ann@eu.bank.example>', ['bank.example']));
    assert.ok(!isUntrackedRecipient('ann@notbank.example', ['bank.example']));
  });
});

describe('configuration', () => {
  it('reads a JSON file and lets environment variables override it', () => {
    const file = join(tmpdir(), `icc-config-${process.pid}.json`);
    writeFileSync(
      file,
      JSON.stringify({ port: 9000, scannerWindowSeconds: 45, untrackedRecipientDomains: ['bank.example'] }),
    );
    const config = loadConfig({ SCANNER_WINDOW_SECONDS: '60', STORE_IP_UA: 'off' }, ['--config', file]);
    assert.equal(config.port, 9000);
    assert.equal(config.scannerWindowSeconds, 60);
    assert.equal(config.storeIpUa, false);
    assert.deepEqual(config.untrackedRecipientDomains, ['bank.example']);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.publicBaseUrl, 'http://127.0.0.1:9000');
  });
  it('rejects a bad value with the name of the setting', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }, []), /PORT/);
    assert.throws(() => loadConfig({ TRACK_OPENS: 'maybe' }, []), /TRACK_OPENS/);
  });
});
