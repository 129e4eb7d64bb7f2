// Text from mail is someone else's: a subject can carry bidi controls that reorder what the rep
// reads ("invoice_<U+202E>gnp.exe" shows as "invoice_exe.png"). Embeddings, overrides and
// isolates (U+202A–202E, U+2066–2069) are dropped, so the text reads in the order it was
// written; the marks LRM/RLM/ALM stay (they only nudge neutral characters). Each piece is then
// isolated (<bdi dir="auto">), so an Arabic or Hebrew name reads right-to-left without
// pulling the text around it along.

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
