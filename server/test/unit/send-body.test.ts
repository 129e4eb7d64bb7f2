import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { readSend } from '../../src/delivery/read-send.ts';
import { BodyBudget } from '../../src/http/body-budget.ts';
import { compileBodyValidator } from '../../src/http/body-validator.ts';
import { sendSchema } from '../../src/http/request-schemas.ts';

const validate = compileBodyValidator(sendSchema);
const send = { messageId: 'm-1', from: 'rep@sales.example', to: ['ann@customer.example'], subject: 'Hi' };
const raw = (body: unknown) => new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));

describe('reading a send’s body (in the mail process)', () => {
  it('takes a mail of html and text up to the limit, counted in bytes of UTF-8', () => {
    // 'é' is two bytes: 6 + 4 = 10 bytes.
    const reading = readSend(raw({ ...send, html: 'ééé', text: 'abcd' }), validate, 10);
    assert.deepEqual(reading, { ok: true, input: { ...send, html: 'ééé', text: 'abcd' } });
  });

  it('refuses a mail too large with a 413 whatever else is wrong, and other wrong bodies with fastify’s 400s', () => {
    const cases: [unknown, number, string, RegExp][] = [
      [
        { ...send, html: 'éééé', text: 'abc' },
        413,
        'body_too_large',
        /^the mail \(html and text\) is 11 bytes: .* 10 bytes/,
      ],
      [{ html: 'x'.repeat(11), admin: true }, 413, 'body_too_large', /is 11 bytes/],
      ['{"messageId":', 400, 'bad_request', /^the body is not JSON: /],
      ['', 400, 'invalid_request', /^body must be object$/],
      [{ ...send, html: 'x', to: [] }, 400, 'invalid_request', /^body\/to must NOT have fewer than 1 items$/],
      [{ ...send, html: 'x', cc: [] }, 400, 'invalid_request', /^body must NOT have additional properties$/],
      [{ ...send, html: 'x', sendAt: 'soon' }, 400, 'invalid_request', /^body\/sendAt must match format "date-time"$/],
    ];
    for (const [body, status, code, message] of cases) {
      const reading = readSend(raw(body), validate, 10);
      assert.equal(reading.ok, false, JSON.stringify(body));
      if (reading.ok) continue;
      assert.deepEqual([reading.status, reading.code], [status, code], JSON.stringify(body));
      assert.match(reading.message, message);
    }
  });

  it('coerces scalars as fastify does for every other route', () => {
    const reading = readSend(raw({ ...send, subject: 42, html: 'x' }), validate, 10);
    assert.ok(reading.ok);
    assert.equal(reading.input.subject, '42');
  });
});

describe('a body budget', () => {
  it('reserves bytes until they are given back, once', () => {
    const budget = new BodyBudget(100);
    const first = budget.reserve(60);
    assert.ok(first);
    assert.equal(budget.reserve(41), null, 'over the budget');
    const second = budget.reserve(40);
    assert.ok(second);
    first();
    first();
    assert.equal(budget.reserve(61), null, 'giving back twice frees the bytes once');
    assert.ok(budget.reserve(60));
  });
});

describe('MAX_SEND_BYTES', () => {
  it('is a whole number of bytes between 1 KiB and 100 MiB, 10 MiB unless set', () => {
    assert.equal(loadConfig({}, []).maxSendBytes, 10 * 1024 * 1024);
    assert.equal(loadConfig({ MAX_SEND_BYTES: '25000000' }, []).maxSendBytes, 25_000_000);
    for (const bad of ['10MB', '1.5', '512', String(200 * 1024 * 1024)])
      assert.throws(() => loadConfig({ MAX_SEND_BYTES: bad }, []), /MAX_SEND_BYTES: expected a whole number of bytes/);
  });
});
