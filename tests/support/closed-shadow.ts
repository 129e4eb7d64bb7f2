import type { CDPSession, Page } from '@playwright/test';

interface DomNode {
  nodeId: number;
  nodeName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * Inside one of our hosts with a closed shadow root (the compose toolbar, the send notice). No
 * page script and no Playwright selector reaches in; the DevTools protocol sees every shadow root
 * (pierce), so a test finds the parts there and uses the real mouse and keyboard on them.
 */
export class ClosedShadow {
  private session: CDPSession | undefined;
  readonly page: Page;
  readonly tag: string;
  /** Which host on the page, in document order. */
  readonly index: number;

  // Plain fields, not parameter properties: `npm run screenshots` loads this with Node's type stripping.
  constructor(page: Page, tag: string, index = 0) {
    this.page = page;
    this.tag = tag;
    this.index = index;
  }

  private async cdp(): Promise<CDPSession> {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** The remote object of the part matching `selector`, or null when there is none. */
  private async part(selector: string): Promise<string | null> {
    const cdp = await this.cdp();
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hosts: DomNode[] = [];
    const walk = (node: DomNode) => {
      if (node.nodeName === this.tag.toUpperCase()) hosts.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    const shadow = hosts[this.index]?.shadowRoots?.[0];
    if (!shadow) return null;
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
    if (!nodeId) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    return object.objectId ?? null;
  }

  /** Runs `declaration` (a function source, `this` = the part) and returns its value. */
  async call<T>(selector: string, declaration: string): Promise<T> {
    const objectId = await this.part(selector);
    if (!objectId) throw new Error(`No ${selector} in ${this.tag} ${this.index}.`);
    const { result } = await (await this.cdp()).send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: declaration,
      returnByValue: true,
    });
    return result.value as T;
  }

  /** The part's text, or '' when the host or the part is not there (for polling). */
  text(selector: string): Promise<string> {
    return this.call<string>(selector, 'function () { return this.textContent; }').catch(() => '');
  }

  /** Clicks a part where it is drawn, with the real mouse. */
  async click(selector: string): Promise<void> {
    const box = await this.call<{ x: number; y: number; width: number; height: number }>(
      selector,
      'function () { this.scrollIntoView({ block: "nearest" }); const r = this.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }',
    );
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
}
