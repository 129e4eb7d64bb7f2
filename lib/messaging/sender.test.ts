import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderInfo } from './sender';

const self = { id: 'ourextensionid', origin: 'chrome-extension://ourextensionid/' };

describe('who may talk to the background', () => {
  const cases: [string, SenderInfo, boolean][] = [
    [
      'our sidebar iframe inside Gmail',
      { id: self.id, url: `${self.origin}sidebar.html`, tab: { id: 3, url: 'https://mail.google.com/mail/u/0/' } },
      true,
    ],
    ['our options page', { id: self.id, url: `${self.origin}options.html` }, true],
    [
      'our content script on Gmail',
      { id: self.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 3 } },
      true,
    ],
    [
      'our content script on Outlook (office365)',
      { id: self.id, url: 'https://outlook.office365.com/mail/', tab: { id: 4 } },
      true,
    ],
    ['another extension', { id: 'someoneelse', url: 'chrome-extension://someoneelse/page.html' }, false],
    ['our id but a non-mail page', { id: self.id, url: 'https://evil.example/', tab: { id: 5 } }, false],
    ['a look-alike host', { id: self.id, url: 'https://mail.google.com.evil.example/', tab: { id: 5 } }, false],
    ['http (not https) Gmail', { id: self.id, url: 'http://mail.google.com/', tab: { id: 5 } }, false],
    ['no id at all', { url: 'https://mail.google.com/' }, false],
    ['a mail-host URL without a tab (not a content script)', { id: self.id, url: 'https://mail.google.com/' }, false],
  ];
  it.each(cases)('%s → trusted: %s', (_name, sender, trusted) => {
    expect(isTrustedSender(sender, self)).toBe(trusted);
  });
});
