import { describe, expect, it } from 'vitest';
import { pixelToken, proxiedOwnPixel } from './own-pixel';

const SERVER = 'https://track.example.com';
const TOKEN = '0123456789abcdef0123456789abcdef';
const OURS = `${SERVER}/o/${TOKEN}.gif`;
const PROXY = 'https://ci3.googleusercontent.com/meips/ADKq_NZ3xYz';

describe('recognising our pixel behind Gmail’s image proxy', () => {
  it.each([
    ['our pixel behind the proxy', `${PROXY}#${OURS}`, OURS],
    [
      'our signed pixel behind another proxy host',
      `https://ci5.googleusercontent.com/meips/Q#${SERVER}/o/${TOKEN}a1b2c3d4e5f6.gif`,
      `${SERVER}/o/${TOKEN}a1b2c3d4e5f6.gif`,
    ],
    ['another tracker’s pixel behind the proxy', `${PROXY}#https://pixel.other-tracker.example/o/${TOKEN}.gif`, null],
    [
      'a server whose address only starts like ours',
      `${PROXY}#https://track.example.com.evil.example/o/${TOKEN}.gif`,
      null,
    ],
    ['our pixel loaded directly (the block rule stops it)', OURS, null],
    ['our server, but not its pixel path', `${PROXY}#${SERVER}/c/${TOKEN}/0`, null],
    ['a malformed token', `${PROXY}#${SERVER}/o/not-a-token.gif`, null],
    ['a malformed proxy address', `javascript:alert(1)#${OURS}`, null],
    ['no `#` at all', `${PROXY}/${TOKEN}.gif`, null],
    ['an empty src', '', null],
  ])('%s', (_story, src, expected) => {
    expect(proxiedOwnPixel(src, SERVER)).toBe(expected);
  });

  it('reads the token the server minted, in its canonical lower case', () => {
    expect(pixelToken(`${SERVER}/o/${TOKEN.toUpperCase()}.gif`, SERVER)).toBe(TOKEN);
    expect(pixelToken(`https://elsewhere.example/o/${TOKEN}.gif`, SERVER)).toBeNull();
  });
});
