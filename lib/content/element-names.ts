// The tags of what our content scripts add to a webmail page, in one place for the tests that
// look for them (a page's own elements never use the `icc-` prefix).

/** The toolbar in each compose (compose-toolbar.ts). */
export const TOOLBAR_TAG = 'icc-compose-toolbar';
/** The notice after a send that went out untracked (send-notice.ts). */
export const SEND_NOTICE_TAG = 'icc-send-notice';
