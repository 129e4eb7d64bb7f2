// What this tab put into bodies it sent: our pixels and the original address behind each click
// URL. A send the rep undid comes back into a compose with both in it (Gmail and Outlook
// re-open the sent body); before that body is registered again it must be the rep's own, or
// the next send would track our click URLs as if they were the rep's links.

export class OwnInstrumentation {
  private readonly originals = new Map<string, string>();
  private readonly pixels = new Set<string>();

  /** `links[k]` got `clickUrls[k]` (null: left alone), and `pixelUrl` went in. */
  remember(pixelUrl: string, links: readonly string[], clickUrls: readonly (string | null)[]): void {
    this.pixels.add(pixelUrl);
    clickUrls.forEach((clickUrl, k) => {
      const original = links[k];
      if (clickUrl != null && original !== undefined) this.originals.set(clickUrl, original);
    });
  }

  /** Puts the rep's links back and takes our pixels out; returns how many things it changed. */
  strip(body: HTMLElement): number {
    let changed = 0;
    for (const link of body.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const original = this.originals.get(link.getAttribute('href') ?? '');
      if (original === undefined) continue;
      link.setAttribute('href', original);
      changed++;
    }
    for (const image of body.querySelectorAll('img')) {
      if (!this.pixels.has(image.getAttribute('src') ?? '')) continue;
      image.remove();
      changed++;
    }
    return changed;
  }
}
