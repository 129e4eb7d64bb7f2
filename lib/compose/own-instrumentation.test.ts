// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { composeBody, GMAIL_REPLY, OUTLOOK_REPLY } from '../../tests/support/compose-bodies';
import { QUOTED_HISTORY as GMAIL } from '../sites/gmail/selectors';
import { QUOTED_HISTORY as OUTLOOK } from '../sites/outlook/selectors';
import { instrumentBody } from './instrument-body';
import { OwnInstrumentation } from './own-instrumentation';
import { findTrackableLinks } from './tracked-links';

const PIXEL_URL = 'https://t.example.com/o/tok.gif';
const click = (n: number) => `https://t.example.com/c/tok/${n}`;
const PIXEL = `<img src="${PIXEL_URL}" width="1" height="1" alt="">`;
const LOGO = '<img src="https://example.com/logo.png" alt="Harborview">';

describe('an undone send coming back into the compose is the rep’s own text again', () => {
  it.each([
    [
      'our click URLs go back to the rep’s links, our pixel goes, their logo stays',
      [
        ['https://example.com/offer', 'https://example.com/prices'],
        [click(0), click(1)],
      ],
      `<p>See <a href="${click(0)}">our offer</a> and <a class="x" href="${click(1)}">prices</a></p>${LOGO}${PIXEL}`,
      `<p>See <a href="https://example.com/offer">our offer</a> and <a class="x" href="https://example.com/prices">prices</a></p>${LOGO}`,
      3,
    ],
    [
      'a link the server left alone (null) and a link of someone else stay as they are',
      [
        ['https://example.com/offer', 'https://partner.example/'],
        [click(0), null],
      ],
      `<a href="${click(0)}">offer</a><a href="https://partner.example/">partner</a><a href="https://t.example.com/c/other/0">forwarded</a>${PIXEL}`,
      '<a href="https://example.com/offer">offer</a><a href="https://partner.example/">partner</a><a href="https://t.example.com/c/other/0">forwarded</a>',
      2,
    ],
    [
      'a pixel of another tracker stays',
      [[], []],
      `<p>Hi</p><img src="https://other-tracker.example/o/x.gif" width="1" height="1">${PIXEL}`,
      '<p>Hi</p><img src="https://other-tracker.example/o/x.gif" width="1" height="1">',
      1,
    ],
    [
      'duplicate links each get their own original back',
      [
        ['https://example.com/a', 'https://example.com/b'],
        [click(0), click(1)],
      ],
      `<a href="${click(1)}">b</a><a href="${click(0)}">a</a><a href="${click(1)}">b again</a>${PIXEL}`,
      '<a href="https://example.com/b">b</a><a href="https://example.com/a">a</a><a href="https://example.com/b">b again</a>',
      4,
    ],
  ] as const)('%s', (_case, [links, clickUrls], sent, expected, changes) => {
    const own = new OwnInstrumentation();
    own.remember(PIXEL_URL, links, clickUrls);
    const body = composeBody(sent);
    expect(own.strip(body)).toBe(changes);
    expect(body.innerHTML).toBe(expected);
  });

  it.each([
    ['a Gmail reply', GMAIL_REPLY, GMAIL],
    ['an Outlook reply', OUTLOOK_REPLY, OUTLOOK],
  ])('%s instrumented for a send comes back exactly as the rep wrote it', (_case, html, quoted) => {
    const original = composeBody(html).innerHTML;
    const body = composeBody(html);
    const links = findTrackableLinks(body, quoted);
    const clickUrls = links.map((_, n) => click(n));
    instrumentBody(body, { pixelUrl: PIXEL_URL, clickUrls }, quoted);
    expect(body.innerHTML).not.toBe(original);

    const own = new OwnInstrumentation();
    own.remember(PIXEL_URL, links, clickUrls);
    expect(own.strip(body)).toBe(links.length + 1);
    expect(body.innerHTML).toBe(original);
  });

  it('strips what every earlier send of this tab put in', () => {
    const own = new OwnInstrumentation();
    own.remember(PIXEL_URL, ['https://example.com/a'], [click(0)]);
    own.remember('https://t.example.com/o/second.gif', ['https://example.com/b'], ['https://t.example.com/c/second/0']);
    const body = composeBody(
      `<a href="${click(0)}">a</a><a href="https://t.example.com/c/second/0">b</a>${PIXEL}<img src="https://t.example.com/o/second.gif">`,
    );
    own.strip(body);
    expect(body.innerHTML).toBe('<a href="https://example.com/a">a</a><a href="https://example.com/b">b</a>');
  });
});

describe('a body with nothing of ours', () => {
  it.each([
    ['with nothing remembered', false],
    ['after a send of other links', true],
  ])('is left exactly as it is %s', (_case, remembered) => {
    const own = new OwnInstrumentation();
    if (remembered) own.remember(PIXEL_URL, ['https://example.com/offer'], [click(0)]);
    const html = `<div dir="ltr">See <a href="https://example.com/offer" target="_blank">our offer</a>${LOGO}<a>no href</a><img alt="no src"></div>`;
    const body = composeBody(html);
    const before = body.innerHTML;
    expect(own.strip(body)).toBe(0);
    expect(body.innerHTML).toBe(before);
  });
});
