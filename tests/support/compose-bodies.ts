// Compose bodies shared by the tests of lib/compose; happy-dom must be the test's environment.

/** A contenteditable like the webmail's message body, holding the given markup. */
export function composeBody(html: string): HTMLElement {
  const body = document.createElement('div');
  body.setAttribute('contenteditable', 'true');
  body.innerHTML = html;
  return body;
}

// A Gmail reply as Gmail writes it: the history in div.gmail_quote, its own blockquote inside.
export const GMAIL_REPLY = `<div dir="ltr">See <a href="https://example.com/offer">our offer</a></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Ann wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Read <a href="https://old.example.com/">this</a></blockquote></div>`;

// An OWA reply: the old message sits BESIDE its header, after it, not inside it.
export const OUTLOOK_REPLY = `<div>Price list: <a href="https://example.com/prices">here</a></div><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Jan &lt;<a href="mailto:jan@example.com">jan@example.com</a>&gt;</div><div>Old text with <a href="https://old.example.com/deck">a deck</a></div>`;
