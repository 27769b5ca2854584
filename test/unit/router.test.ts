import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { dispatch, plainError, registerHandler, registeredRoutes, resetRoutes, senderAllowed, type SenderCheck } from '../../utils/background/router';
import type { SenderInfo } from '../../utils/messages';

/**
 * The background's message router on its own (DESIGN.md §3.5): who may send what,
 * what happens to a payload that does not fit, and the words an error becomes.
 * security-message-fuzz.test.ts drives the same code with every real handler.
 */
const ID = 'our-id';
const check: SenderCheck = { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/` };
const PAGE: SenderInfo = { id: ID, url: `chrome-extension://${ID}/options.html` };
const PANEL_IN_TAB: SenderInfo = { id: ID, url: `chrome-extension://${ID}/panel.html`, tab: { id: 4 }, frameId: 1 };
const CONTENT: SenderInfo = { id: ID, url: 'https://console.example/audit', tab: { id: 4 } };
const CONTENT_NO_TAB: SenderInfo = { id: ID, url: 'https://console.example/audit' };
const CONTENT_NO_URL: SenderInfo = { id: ID, tab: { id: 4 } };
const OTHER_EXTENSION: SenderInfo = { id: 'other', url: `chrome-extension://${ID}/options.html`, tab: { id: 4 } };
const LOOKALIKE_ORIGIN: SenderInfo = { id: ID, url: `https://evil.example/chrome-extension://${ID}/`, tab: { id: 4 } };
const NOBODY: SenderInfo = {};

describe('senderAllowed', () => {
  const table: [string, SenderInfo, Record<'extension-page' | 'content-script' | 'any-extension-context', boolean>][] = [
    ['an extension page', PAGE, { 'extension-page': true, 'content-script': false, 'any-extension-context': true }],
    ['the panel (an extension page in a tab)', PANEL_IN_TAB, { 'extension-page': true, 'content-script': false, 'any-extension-context': true }],
    ['our content script', CONTENT, { 'extension-page': false, 'content-script': true, 'any-extension-context': true }],
    ['our id, a page URL, no tab', CONTENT_NO_TAB, { 'extension-page': false, 'content-script': false, 'any-extension-context': true }],
    ['our id, a tab, no URL', CONTENT_NO_URL, { 'extension-page': false, 'content-script': true, 'any-extension-context': true }],
    ['our URL prefix inside another address', LOOKALIKE_ORIGIN, { 'extension-page': false, 'content-script': true, 'any-extension-context': true }],
    ['another extension using our page URL', OTHER_EXTENSION, { 'extension-page': false, 'content-script': false, 'any-extension-context': false }],
    ['nobody', NOBODY, { 'extension-page': false, 'content-script': false, 'any-extension-context': false }],
  ];
  for (const [name, sender, expected] of table) {
    it(`${name}: ${JSON.stringify(expected)}`, () => {
      for (const policy of ['extension-page', 'content-script', 'any-extension-context'] as const) {
        expect(senderAllowed(policy, sender, check), policy).toBe(expected[policy]);
      }
    });
  }
});

describe('dispatch', () => {
  const schema = z.strictObject({ type: z.literal('t:echo'), value: z.string().max(5) });
  let handled: unknown[];
  beforeEach(() => {
    resetRoutes();
    handled = [];
    registerHandler('t:echo', schema, 'extension-page', (message, sender) => {
      handled.push([message, sender]);
      return { echoed: message.value };
    });
  });
  afterEach(() => resetRoutes());

  it('runs the handler with the parsed message and the sender, and replies with its result', async () => {
    expect(await dispatch({ type: 't:echo', value: 'hi' }, PAGE, check)).toEqual({ echoed: 'hi' });
    expect(handled).toEqual([[{ type: 't:echo', value: 'hi' }, PAGE]]);
  });

  it('leaves messages that are not ours, or from senders the type does not allow, to other listeners (undefined)', () => {
    for (const raw of [null, undefined, 42, 'str', {}, { type: 7 }, { type: 'other' }, { type: 'T:ECHO', value: 'x' }]) {
      expect(dispatch(raw, PAGE, check), JSON.stringify(raw)).toBeUndefined();
    }
    expect(dispatch({ type: 't:echo', value: 'hi' }, CONTENT, check)).toBeUndefined();
    expect(dispatch({ type: 't:echo', value: 'hi' }, OTHER_EXTENSION, check)).toBeUndefined();
    expect(handled).toEqual([]);
  });

  it('answers a payload that does not fit in plain words, without running the handler', async () => {
    for (const raw of [{ type: 't:echo' }, { type: 't:echo', value: 'too long' }, { type: 't:echo', value: 'ok', extra: 1 }]) {
      expect(await dispatch(raw, PAGE, check)).toEqual({ error: 'Trailguide received a request it did not understand.' });
    }
    expect(handled).toEqual([]);
  });

  it('turns a thrown or rejected handler into an { error } reply', async () => {
    resetRoutes();
    registerHandler('t:echo', schema, 'extension-page', () => {
      throw new Error('The case is gone.');
    });
    expect(await dispatch({ type: 't:echo', value: 'x' }, PAGE, check)).toEqual({ error: 'The case is gone.' });
    resetRoutes();
    registerHandler('t:echo', schema, 'extension-page', () => Promise.reject(new Error('Later.')));
    expect(await dispatch({ type: 't:echo', value: 'x' }, PAGE, check)).toEqual({ error: 'Later.' });
  });

  it('refuses to register a type twice, lists what is registered, and forgets it on reset', () => {
    expect(() => registerHandler('t:echo', schema, 'content-script', () => null)).toThrow('Message type "t:echo" is registered twice.');
    expect(registeredRoutes()).toEqual([{ type: 't:echo', from: 'extension-page' }]);
    resetRoutes();
    expect(registeredRoutes()).toEqual([]);
    expect(dispatch({ type: 't:echo', value: 'x' }, PAGE, check)).toBeUndefined();
  });

  it('never runs a handler synchronously inside dispatch (a throw cannot escape to the listener)', () => {
    const spy = vi.fn(() => {
      throw new Error('boom');
    });
    resetRoutes();
    registerHandler('t:echo', schema, 'extension-page', spy);
    const reply = dispatch({ type: 't:echo', value: 'x' }, PAGE, check);
    expect(spy).not.toHaveBeenCalled();
    return expect(reply).resolves.toEqual({ error: 'boom' });
  });
});

describe('plainError', () => {
  const FULL = 'Your browser is out of space for Trailguide. Nothing was lost, but this was not saved: export and delete old cases in Trailguide → History, then try again.';
  const GENERIC = 'Something went wrong inside Trailguide. Nothing was lost; please try again.';

  it('names a full disk, bare or wrapped by Dexie', () => {
    expect(plainError(new DOMException('quota', 'QuotaExceededError'))).toBe(FULL);
    expect(plainError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(FULL);
  });

  it("keeps an Error's own message, and has words for everything else", () => {
    expect(plainError(new Error('This pack is too large.'))).toBe('This pack is too large.');
    expect(plainError(new Error(''))).toBe(GENERIC);
    expect(plainError({ message: 'not an Error' })).toBe(GENERIC);
    expect(plainError({ name: 'AbortError', inner: { name: 'Other' } })).toBe(GENERIC);
    expect(plainError(null)).toBe(GENERIC);
    expect(plainError(undefined)).toBe(GENERIC);
    expect(plainError('a string')).toBe(GENERIC);
  });
});
