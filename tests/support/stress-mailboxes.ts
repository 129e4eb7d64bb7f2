// The two stress mailboxes (long text, hostile text) of `npm run screenshots` and the e2e tests,
// as `emails.saveDraft` arguments. Addresses must pass the command's email check (ASCII local
// part and domain), so the hostile text lives in names, subjects and bodies.

import type { CommandArgs } from '../../lib/messaging/protocol.ts';

export type DraftArgs = CommandArgs<'emails.saveDraft'>;

/** A German compound repeated without a break: no space for the layout to wrap at. */
const UNBROKEN = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenhalter'.repeat(10).slice(0, 500);
const LONG_NAME =
  'Maximiliane Alexandra Konstantinopoulou-Wolfeschlegelsteinhausenbergerdorff von und zu Hohenzollern-Sigmaringen-Hechingen'
    .repeat(2)
    .slice(0, 200);
const LONG_ADDRESS =
  'maximiliane.alexandra.konstantinopoulou-wolfeschlegelsteinhausenbergerdorff@procurement-department.very-long-subsidiary-name.example-international-holdings.com';
const PARAGRAPH =
  'Thank you for your interest in our enterprise plan. As discussed on the call, the attached proposal covers licences for all regional offices, onboarding, and two years of premium support. ';

const thirtyRecipients = Array.from({ length: 30 }, (_, index) => ({
  name: `Recipient Number ${index + 1} of the Regional Purchasing Committee`,
  address: `purchasing.committee.member.${index + 1}@regional-offices.example-holdings.com`,
}));

export const LONG_TEXT_DRAFTS: DraftArgs[] = [
  {
    to: [{ name: LONG_NAME, address: LONG_ADDRESS }, ...thirtyRecipients],
    subject: UNBROKEN,
    body: PARAGRAPH.repeat(40),
  },
  { to: thirtyRecipients, subject: 'Thirty recipients on one draft', body: PARAGRAPH },
  {
    to: [{ name: LONG_NAME, address: LONG_ADDRESS }],
    subject: `A long subject with spaces that should wrap or be cut with an ellipsis ${PARAGRAPH}`.slice(0, 400),
  },
  { to: [{ address: LONG_ADDRESS }], subject: '' },
  {
    to: [{ name: 'Ann Lee', address: 'ann@example.com' }],
    subject: 'A short one, for comparison',
    body: 'Hi Ann, see you Monday.',
  },
];

/** Each letter of `text` followed by several combining marks (U+0300–U+036F). */
function withCombiningMarks(text: string): string {
  return [...text]
    .map(
      (letter, index) =>
        letter + String.fromCodePoint(0x300 + ((index * 7) % 0x70), 0x316 + (index % 20), 0x334 + (index % 4)),
    )
    .join('');
}

const ZWJ = '\u200D';
const FAMILY = ['\u{1F468}', '\u{1F469}', '\u{1F467}', '\u{1F466}'].join(ZWJ);

// Six, so that all fit in a 720 px high window; the worst first.
export const HOSTILE_DRAFTS: DraftArgs[] = [
  {
    to: [{ name: '<script>alert("name")</script>', address: 'script@example.com' }],
    subject: '<img src=x onerror=alert(1)>',
    body: '<img src=x onerror=alert(2)> <script>alert(3)</script> <a href="javascript:alert(4)">click me</a> invoice_\u202Egnp.exe',
  },
  {
    to: [{ name: '<b>bold</b> & "quotes"', address: 'markup@example.com' }],
    subject: '<script>alert(document.domain)</script>',
  },
  { to: [{ name: '\u202Eevil reversed name', address: 'rlo@example.com' }], subject: 'invoice_\u202Egnp.exe' },
  {
    to: [{ name: `Family ${FAMILY} Zero${ZWJ}Width\u200BSpace\u200CJoiner`, address: 'zwj@example.com' }],
    subject: `\u{1F389}\u{1F680} Launch day \u{1F525}\u{1F4AF} \u{1F1E9}\u{1F1EA} \u{1F44D}\u{1F3FD} zero\u200Bwidth\u200Cnon${ZWJ}joiner`,
  },
  {
    to: [
      { name: 'محمد عبد الله الهاشمي', address: 'mohammed@example.com' },
      { name: 'דוד כהן', address: 'david@example.com' },
    ],
    subject: 'عرض السعر الجديد for Q3 – הצעת מחיר 12/2025',
  },
  {
    to: [{ name: withCombiningMarks('Zalgo Name'), address: 'zalgo@example.com' }],
    subject: withCombiningMarks('Combining characters everywhere'),
  },
];
