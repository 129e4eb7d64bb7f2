/**
 * How many bytes of request bodies one route may hold at once, reserved before a body is read and
 * given back once it has been dealt with. Over budget, a request is turned away at once (503)
 * instead of being read: the server's memory stays bounded however many clients send at once.
 */
export class BodyBudget {
  private held = 0;
  private readonly bytes: number;

  constructor(bytes: number) {
    this.bytes = bytes;
  }

  /** A function giving the bytes back (call it once), or null when they are not free. */
  reserve(bytes: number): (() => void) | null {
    if (this.held + bytes > this.bytes) return null;
    this.held += bytes;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.held -= bytes;
    };
  }
}
