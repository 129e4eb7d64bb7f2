// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { composeBody, GMAIL_REPLY, OUTLOOK_REPLY } from '../../tests/support/compose-bodies';
import { QUOTED_HISTORY as GMAIL } from '../sites/gmail/selectors';
import { QUOTED_HISTORY as OUTLOOK } from '../sites/outlook/selectors';
import { instrumentBody } from './instrument-body';
import { findTrackableLinks } from './tracked-links';

const PIXEL_URL = 'https://t.example.com/o/tok.gif';
const PIXEL = `<img src="${PIXEL_URL}" width="1" height="1" alt="" style="border:0;width:1px;height:1px;margin:0;padding:0">`;
const click = (n: number) => `https://t.example.com/c/tok/${n}`;

describe('a tracked send rewrites its links and adds one pixel, and changes nothing else', () => {
  it.each([
    [
      'a link around bold text keeps its text and attributes',
      '<p>Hi <a class="x" href="https://example.com/b" target="_blank"><b>x</b></a></p>',
      [click(0)],
      GMAIL,
      `<p>Hi <a class="x" href="${click(0)}" target="_blank"><b>x</b></a></p>${PIXEL}`,
    ],
    [
      'links the server left alone (null) keep their href',
      '<a href="https://example.com/a">a</a><a href="https://partner.example/">p</a>',
      [click(0), null],
      GMAIL,
      `<a href="${click(0)}">a</a><a href="https://partner.example/">p</a>${PIXEL}`,
    ],
    [
      'duplicate links get their own click URL each',
      '<a href="https://example.com/">one</a><a href="https://example.com/">two</a>',
      [click(0), click(1)],
      GMAIL,
      `<a href="${click(0)}">one</a><a href="${click(1)}">two</a>${PIXEL}`,
    ],
    [
      'mailto:, tel:, #top, javascript:, no href and unsubscribe stay, and do not shift the numbering',
      '<a href="mailto:a@b.c">m</a><a href="tel:1">t</a><a href="#top">u</a><a href="javascript:void(0)">j</a><a>n</a><a href="https://example.com/u">Unsubscribe</a><a href="https://example.com/k">k</a>',
      [click(0)],
      GMAIL,
      `<a href="mailto:a@b.c">m</a><a href="tel:1">t</a><a href="#top">u</a><a href="javascript:void(0)">j</a><a>n</a><a href="https://example.com/u">Unsubscribe</a><a href="${click(0)}">k</a>${PIXEL}`,
    ],
    [
      'an image already in the body is untouched',
      '<img src="https://example.com/logo.png" alt="Logo"><a href="https://example.com/">x</a>',
      [click(0)],
      GMAIL,
      `<img src="https://example.com/logo.png" alt="Logo"><a href="${click(0)}">x</a>${PIXEL}`,
    ],
    ['a plain-text body only gets the pixel', 'Just text', [], GMAIL, `Just text${PIXEL}`],
    [
      'Gmail reply: pixel before div.gmail_quote, its links untouched',
      GMAIL_REPLY,
      [click(0)],
      GMAIL,
      GMAIL_REPLY.replace('https://example.com/offer', click(0)).replace(
        '<div class="gmail_quote">',
        `${PIXEL}<div class="gmail_quote">`,
      ),
    ],
    [
      'Outlook reply: pixel before #appendonsend, the header and old message untouched',
      OUTLOOK_REPLY,
      [click(0)],
      OUTLOOK,
      OUTLOOK_REPLY.replace('https://example.com/prices', click(0)).replace(
        '<div id="appendonsend">',
        `${PIXEL}<div id="appendonsend">`,
      ),
    ],
    [
      'a body that is only quoted history: pixel first, nothing rewritten',
      '<div class="gmail_quote"><a href="https://old.example.com/">o</a></div>',
      [],
      GMAIL,
      `${PIXEL}<div class="gmail_quote"><a href="https://old.example.com/">o</a></div>`,
    ],
  ])('%s', (_, html, clickUrls, quotedHistory, expected) => {
    const body = composeBody(html);
    instrumentBody(body, { pixelUrl: PIXEL_URL, clickUrls }, quotedHistory);
    expect(body.innerHTML).toBe(expected);
  });

  it('keeps unicode click URLs exactly as the registration gives them', () => {
    const body = composeBody('<a href="https://bücher.example/straße">b</a>');
    const clickUrl = 'https://t.bücher.example/c/tök/0';
    instrumentBody(body, { pixelUrl: 'https://t.bücher.example/o/tök.gif', clickUrls: [clickUrl] }, GMAIL);
    expect(body.querySelector('a')!.getAttribute('href')).toBe(clickUrl);
    expect(body.querySelector('img')!.getAttribute('src')).toBe('https://t.bücher.example/o/tök.gif');
  });

  it('a double Send leaves one pixel and the same links', () => {
    const body = composeBody(GMAIL_REPLY);
    const registration = { pixelUrl: PIXEL_URL, clickUrls: [click(0)] };
    const first = instrumentBody(body, registration, GMAIL);
    const once = body.innerHTML;
    const second = instrumentBody(body, registration, GMAIL);
    expect(body.innerHTML).toBe(once);
    expect(body.querySelectorAll(`img[src="${PIXEL_URL}"]`)).toHaveLength(1);
    expect([first, second]).toEqual([
      { pixels: 1, rewritten: 1 },
      { pixels: 1, rewritten: 1 },
    ]);
  });

  it('refuses a registration made for other links, rather than send readers to the wrong page', () => {
    const body = composeBody('<a href="https://example.com/a">a</a><a href="https://example.com/b">b</a>');
    const before = body.innerHTML;
    expect(() => instrumentBody(body, { pixelUrl: PIXEL_URL, clickUrls: [click(0)] }, GMAIL)).toThrow(
      'The email has 2 links but 1 were registered',
    );
    expect(body.innerHTML).toBe(before);
  });

  it('rewrites the k-th link findTrackableLinks found with the k-th click URL', () => {
    const html = `<a href="https://example.com/1">1</a><a href="mailto:x@y.z">m</a><div><a href="https://example.com/2"><i>2</i></a></div><a href="https://example.com/1">again</a>${GMAIL_REPLY}`;
    const body = composeBody(html);
    const found = findTrackableLinks(body, GMAIL);
    instrumentBody(body, { pixelUrl: PIXEL_URL, clickUrls: found.map((_, k) => click(k)) }, GMAIL);
    const rewritten = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    const original = [...composeBody(html).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    const pairs = original.flatMap((href, i) => (href === rewritten[i] ? [] : [[href, rewritten[i]]]));
    expect(found).toHaveLength(4);
    expect(pairs).toEqual(found.map((href, k) => [href, click(k)]));
  });
});
