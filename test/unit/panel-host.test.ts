import { afterEach, describe, expect, it } from 'vitest';
import { createPanelHost } from '../../utils/panel-host';

// @vitest-environment happy-dom

/** The frame behind the closed root, reached the way only our own code can: by capturing attachShadow. */
function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  };
  afterEach(() => {
    Element.prototype.attachShadow = original;
  });
  return roots;
}

describe('the panel host', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('trailguide-panel')) el.remove();
  });

  it('starts hidden when asked, and reveal() shows it keeping the open/closed state', () => {
    const roots = captureShadowRoots();
    const host = createPanelHost('about:blank#adapter=a', false, false);
    const frame = roots[0]!.querySelector('iframe')!;
    expect(host.isRevealed()).toBe(false);
    expect(frame.className).toBe('closed pending');
    expect(roots[0]!.querySelector('style')!.textContent).toMatch(/iframe\.pending\s*\{\s*visibility:\s*hidden;?\s*\}/);
    host.reveal();
    expect(host.isRevealed()).toBe(true);
    expect(frame.className).toBe('closed');
    host.setOpen(true);
    expect(frame.className).toBe('open');
  });

  it('is shown at once by default, in a closed root, and exactly one exists per page', () => {
    const roots = captureShadowRoots();
    const first = createPanelHost('about:blank#adapter=a', true, false);
    const second = createPanelHost('about:blank#teach=1', true);
    expect(document.querySelectorAll('trailguide-panel')).toHaveLength(1);
    expect(second.isRevealed()).toBe(true);
    expect(roots[1]!.mode).toBe('closed');
    expect(roots[1]!.querySelector('iframe')!.className).toBe('open');
    expect(first.isRevealed()).toBe(false);
    second.remove();
    expect(document.querySelectorAll('trailguide-panel')).toHaveLength(0);
  });
});
