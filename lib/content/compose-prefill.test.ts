// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { frameMessageSchema, parseWith } from '../messaging/protocol';
import { plainTextParagraphs, splitRecipients } from './compose-prefill';

const paragraphsOf = (text: string) => {
  const holder = document.createElement('div');
  holder.append(plainTextParagraphs(text, document));
  return holder.innerHTML;
};

describe('the body of a prefilled compose', () => {
  it.each([
    ['one line', 'Thanks.', '<div>Thanks.</div>'],
    [
      'a greeting, an empty line and a sentence',
      'Hi Dana,\n\nThanks for the call.',
      '<div>Hi Dana,</div><div><br></div><div>Thanks for the call.</div>',
    ],
    ['Windows line ends', 'Hi\r\n\r\nBye', '<div>Hi</div><div><br></div><div>Bye</div>'],
    ['a final newline adds no empty line', 'Bye\n', '<div>Bye</div>'],
    ['no text at all', '', ''],
  ])('%s', (_case, text, html) => {
    expect(paragraphsOf(text)).toBe(html);
  });

  it('shows markup in the text as typed, never as HTML', () => {
    const holder = document.createElement('div');
    holder.append(plainTextParagraphs('<img src=x onerror=alert(1)> & <b>bold</b>', document));
    expect(holder.querySelector('img, b')).toBeNull();
    expect(holder.textContent).toBe('<img src=x onerror=alert(1)> & <b>bold</b>');
  });
});

describe('the recipients of a prefilled compose', () => {
  it('keeps real addresses with their names and skips the rest, as they were asked for', () => {
    const split = splitRecipients([
      { address: 'dana@example.com', name: 'Dana Whitfield' },
      { address: 'not an address' },
      { address: ' lee@example.org ' },
      { address: 'dana@' },
      { address: '' },
      { address: '<script>@example.com' },
    ]);
    expect(split.valid).toEqual([
      { address: 'dana@example.com', name: 'Dana Whitfield' },
      { address: 'lee@example.org' },
    ]);
    expect(split.skipped).toEqual(['not an address', 'dana@', '', '<script>@example.com']);
  });
});

describe('the compose.open frame message', () => {
  const message = (fields: Record<string, unknown>) => ({ channel: 'icc', kind: 'compose.open', ...fields });

  it('takes a request with only some parts and fills in the rest as empty', () => {
    const parsed = parseWith(frameMessageSchema, message({ to: [{ address: 'not an address' }] }));
    expect(parsed).toEqual({
      ok: true,
      value: { ...message({}), to: [{ address: 'not an address' }], cc: [], bcc: [], subject: '', body: '' },
    });
  });

  it.each([
    ['more than 200 recipients', { cc: Array.from({ length: 201 }, (_, n) => ({ address: `p${n}@example.com` })) }],
    ['a subject longer than 998 characters', { subject: 'x'.repeat(999) }],
    ['a body longer than 20,000 characters', { body: 'x'.repeat(20_001) }],
    ['a recipient without an address', { to: [{ name: 'Dana' }] }],
  ])('refuses %s', (_case, fields) => {
    expect(parseWith(frameMessageSchema, message(fields)).ok).toBe(false);
  });
});
