// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { couldMatch, queryDeep, urlMatches, urlPatternToRegExp } from '../../utils/detect';

/**
 * Edges of page recognition that mutation testing found untested (issue 19): where a
 * pattern's host part ends, the cheap pre-test's "no" answers, and frames.
 */
describe('where the host part of a pattern ends', () => {
  it('a pattern without a scheme is all path: its "*" may cross "/"', () => {
    expect(urlPatternToRegExp('*/audit').test('https://h.example/audit')).toBe(true);
  });

  it('a pattern without a path is all host: a trailing "*" never reaches into the path', () => {
    expect(urlPatternToRegExp('https://a.example*').test('https://a.example.eu')).toBe(true);
    expect(urlPatternToRegExp('https://a.example*').test('https://a.example/evil')).toBe(false);
  });

  it('the host part starts after "://" even at the very start', () => {
    expect(urlPatternToRegExp('://a*/b').test('://ax/b')).toBe(true);
    expect(urlPatternToRegExp('://a*/b').test('://a/c/b')).toBe(false);
  });

  it('a URL matches only when the pre-test and the full pattern both agree', () => {
    // couldMatch says yes (the pieces are there, in order) but the host "*" would have to cross "/?".
    expect(couldMatch('https://*.okta.com/*', 'https://evil.example/?x.okta.com/')).toBe(true);
    expect(urlMatches({ include: ['https://*.okta.com/*'], exclude: [] }, 'https://evil.example/?x.okta.com/')).toBe(false);
    expect(urlMatches({ include: ['https://*.okta.com/*'], exclude: [] }, 'https://acme.okta.com/report')).toBe(true);
  });
});

describe('couldMatch says no exactly when the pieces cannot fit', () => {
  it('a middle piece may not overlap the last piece', () => {
    expect(couldMatch('x*ab*b', 'xab')).toBe(false);
    expect(couldMatch('x*ab*b', 'xabb')).toBe(true);
  });

  it('middle pieces must appear in order, each after the one before', () => {
    expect(couldMatch('a*x*x*b', 'axb')).toBe(false);
    expect(couldMatch('a*x*x*b', 'axxb')).toBe(true);
  });

  it('a middle piece may sit at the very start when the pattern starts with "*"', () => {
    expect(couldMatch('*ab*', 'abz')).toBe(true);
    expect(couldMatch('*ab*', 'azb')).toBe(false);
  });
});

describe('queryDeep into frames', () => {
  it('steps into a same-origin iframe with " >>> "', () => {
    document.body.innerHTML = '<iframe id="f"></iframe>';
    const frame = document.querySelector('iframe')!;
    frame.contentDocument!.body.innerHTML = '<button class="inside">Search</button>';
    expect(queryDeep(document, '#f >>> button.inside')?.textContent).toBe('Search');
  });

  it('finds nothing in a frame it may not read (a cross-origin frame throws)', () => {
    document.body.innerHTML = '<iframe id="f"></iframe>';
    const frame = document.querySelector('iframe')!;
    Object.defineProperty(frame, 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(queryDeep(document, '#f >>> button')).toBeNull();
  });
});
