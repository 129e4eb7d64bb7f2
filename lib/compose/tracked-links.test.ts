// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { composeBody, GMAIL_REPLY, OUTLOOK_REPLY } from '../../tests/support/compose-bodies';
import { QUOTED_HISTORY as GMAIL } from '../sites/gmail/selectors';
import { QUOTED_HISTORY as OUTLOOK } from '../sites/outlook/selectors';
import { bodyPreview } from './body-preview';
import { findTrackableLinks } from './tracked-links';

describe('the links a tracked send registers', () => {
  it.each([
    ['a plain link', '<p>Hi <a href="https://example.com/a">a</a></p>', ['https://example.com/a']],
    ['http as well as https', '<a href="http://example.com/">x</a>', ['http://example.com/']],
    ['a link around bold text', '<a href="https://example.com/b"><b>x</b></a>', ['https://example.com/b']],
    [
      'the same URL twice: each anchor gets its own click URL',
      '<a href="https://example.com/">one</a> <a href="https://example.com/">two</a>',
      ['https://example.com/', 'https://example.com/'],
    ],
    [
      'unicode URLs exactly as written (IDN host, non-ASCII path)',
      '<a href="https://bücher.example/straße?q=ü">b</a><a href="https://例え.jp/パス">j</a>',
      ['https://bücher.example/straße?q=ü', 'https://例え.jp/パス'],
    ],
    ['an <a> without href', '<a name="top">top</a><a>nothing</a>', []],
    [
      'mailto:, tel:, #top, javascript:',
      '<a href="mailto:a@b.c">m</a><a href="tel:+4930123">t</a><a href="#top">up</a><a href="javascript:void(0)">j</a>',
      [],
    ],
    [
      'other schemes, relative links and the notrack opt-out',
      '<a href="ftp://example.com/f">f</a><a href="/relative">r</a><a href="https+notrack://example.com/">n</a>',
      [],
    ],
    [
      'unsubscribe links, by address or by text, in several languages',
      '<a href="https://example.com/unsubscribe?u=1">x</a><a href="https://example.com/u">Newsletter abmelden</a><a href="https://example.com/d">Se désabonner</a><a href="https://example.com/o">OPT-OUT</a><a href="https://example.com/keep">keep</a>',
      ['https://example.com/keep'],
    ],
    ['a plain-text body', 'Just text, https://example.com/ typed but not linked', []],
  ])('%s', (_, html, expected) => {
    expect(findTrackableLinks(composeBody(html), GMAIL)).toEqual(expected);
  });

  it.each([
    ['Gmail: links in div.gmail_quote', GMAIL_REPLY, GMAIL, ['https://example.com/offer']],
    [
      'Gmail: the older div.gmail_extra',
      '<a href="https://example.com/n">n</a><div class="gmail_extra"><a href="https://old.example.com/">o</a></div>',
      GMAIL,
      ['https://example.com/n'],
    ],
    [
      'Gmail: an Apple Mail cite',
      '<a href="https://example.com/n">n</a><blockquote type="cite"><a href="https://old.example.com/">o</a></blockquote>',
      GMAIL,
      ['https://example.com/n'],
    ],
    ['Outlook: the reply header and the old message after it', OUTLOOK_REPLY, OUTLOOK, ['https://example.com/prices']],
    [
      'Outlook without #appendonsend',
      '<div><a href="https://example.com/n">n</a></div><div id="divRplyFwdMsg">From: Jan</div><div><a href="https://old.example.com/">o</a></div>',
      OUTLOOK,
      ['https://example.com/n'],
    ],
    [
      'a body that is only quoted history',
      '<div class="gmail_quote"><a href="https://old.example.com/">o</a></div>',
      GMAIL,
      [],
    ],
  ])('leaves the quoted history alone — %s', (_, html, quotedHistory, expected) => {
    expect(findTrackableLinks(composeBody(html), quotedHistory)).toEqual(expected);
  });
});

describe('the preview of the new text', () => {
  it.each([
    [
      'collapses whitespace and breaks lines between blocks',
      '<div>Hi  Ann,</div><div>\n see <b>this</b></div>',
      'Hi Ann, see this',
    ],
    ['stops at the Gmail quote', GMAIL_REPLY, 'See our offer'],
    ['a plain-text body', '  Just\n\ntext ', 'Just text'],
    ['only quoted history', '<div class="gmail_quote">On Mon, Ann wrote: old</div>', ''],
    ['skips style elements', '<style>p{color:red}</style><p>Hello</p>', 'Hello'],
  ])('%s', (_, html, expected) => {
    expect(bodyPreview(composeBody(html), GMAIL)).toBe(expected);
  });

  it('stops at the Outlook reply header', () => {
    expect(bodyPreview(composeBody(OUTLOOK_REPLY), OUTLOOK)).toBe('Price list: here');
  });

  it('cuts long text to the limit with an ellipsis, never halving an emoji', () => {
    const preview = bodyPreview(composeBody(`${'😀'.repeat(10)} and more`), GMAIL, 5);
    expect(preview).toBe('😀😀😀😀…');
    expect(bodyPreview(composeBody('short'), GMAIL, 5)).toBe('short');
  });
});
