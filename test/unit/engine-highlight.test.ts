// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearHighlight, HIGHLIGHT_TAG, highlightElement } from '../../utils/engine/highlight';

afterEach(() => {
  clearHighlight(document);
  document.body.innerHTML = '';
  vi.useRealTimers();
});

const host = () => document.querySelector(HIGHLIGHT_TAG);

describe('highlightElement', () => {
  it('draws an outline and a message in a closed shadow root, then clears on Escape', async () => {
    document.body.innerHTML = '<input name="q">';
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const result = await highlightElement(document, ['#nope', 'input[name="q"]'], { message: 'Type the email here.' });
    expect(result).toEqual({ ok: true, selectorUsed: 'input[name="q"]' });
    expect(host()).not.toBeNull();
    expect(attach).toHaveBeenCalledWith({ mode: 'closed' });
    expect(host()!.shadowRoot).toBeNull(); // the page cannot reach inside
    const root = attach.mock.results[0]!.value as ShadowRoot;
    expect(root.querySelector('.bubble')!.textContent).toContain('Type the email here.');
    expect(root.querySelector('.box')).not.toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host()).toBeNull();
  });

  it('clears on a click anywhere and after its timeout', async () => {
    document.body.innerHTML = '<button id="b">Next</button>';
    await highlightElement(document, ['#b']);
    document.body.click();
    expect(host()).toBeNull();
    vi.useFakeTimers();
    await highlightElement(document, ['#b'], { showMs: 1_000 });
    expect(host()).not.toBeNull();
    vi.advanceTimersByTime(1_001);
    expect(host()).toBeNull();
  });

  it('keeps only one spotlight at a time', async () => {
    document.body.innerHTML = '<button id="a">A</button><button id="b">B</button>';
    await highlightElement(document, ['#a']);
    await highlightElement(document, ['#b']);
    expect(document.querySelectorAll(HIGHLIGHT_TAG)).toHaveLength(1);
  });

  it('waits for an element that appears late', async () => {
    setTimeout(() => document.body.insertAdjacentHTML('beforeend', '<div id="late">Results</div>'), 50);
    const result = await highlightElement(document, ['#late'], { waitMs: 1_000 });
    expect(result.ok).toBe(true);
    expect(host()).not.toBeNull();
  });

  it('says clearly when the element never shows up', async () => {
    const result = await highlightElement(document, ['#never'], { waitMs: 1_000, label: 'the next page button' });
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      "I couldn't find the next page button on this page after waiting 1 second. It may be on another page or behind a menu — look for it yourself.",
    );
    expect(host()).toBeNull();
  });
});
