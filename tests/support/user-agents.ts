// User agents the tests and benchmarks send to the real tracking server, from
// ../shared/reference/user-agents.md.

/** A real desktop browser opening the email or following its link: classified as a person. */
export const DESKTOP_CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
