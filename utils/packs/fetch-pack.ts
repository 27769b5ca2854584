import { PACK_LIMITS } from '../schema/pack';
import { hostOf } from './words';

/**
 * Downloads a pack file the careful way (uBlock Origin's lists are the model):
 * conditional requests, a time limit, a size cap enforced while reading, and
 * every failure turned into one plain sentence. Validation happens afterwards.
 */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export type FetchOutcome =
  | { kind: 'not-modified' }
  | { kind: 'ok'; text: string; etag?: string; lastModified?: string; looksLikeHtml: boolean }
  | { kind: 'failed'; message: string };

export const FETCH_TIMEOUT_MS = 20_000;

/** HTTPS only — except this computer (127.0.0.1, localhost), for people writing packs. Returns a problem or null. */
export function packUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'This is not a web address. Paste the full address, starting with https://.';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) return null;
  if (url.protocol === 'http:') {
    return 'Trailguide only subscribes to secure addresses (https://), so nobody on the network can change the pack on its way. Ask for the https:// address.';
  }
  return 'Trailguide can only subscribe to web addresses that start with https://.';
}

function statusMessage(status: number): string {
  if (status === 404 || status === 410) return `The server answered 'not found' (${status}). Check the address with whoever shared the pack.`;
  if (status === 401 || status === 403) return `The server refused access (${status}). The pack may be private or need a sign-in.`;
  if (status === 429) return `The server asked Trailguide to slow down (${status}). It will try again later.`;
  if (status >= 500) return `The server had a problem (${status}). This is usually temporary.`;
  return `The server answered with an unexpected status (${status}).`;
}

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) {
    const text = await response.text();
    return new TextEncoder().encode(text).length > maxBytes ? null : text;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export async function fetchPackText(url: string, validators: Validators = {}, options: FetchOptions = {}): Promise<FetchOutcome> {
  const urlProblem = packUrlProblem(url);
  if (urlProblem) return { kind: 'failed', message: urlProblem };
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? PACK_LIMITS.bytes;
  const host = hostOf(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json, application/yaml, text/yaml, text/plain;q=0.9, */*;q=0.1' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    const response = await doFetch(url, { headers, signal: controller.signal, credentials: 'omit', cache: 'no-cache', redirect: 'follow' });
    if (response.redirected && response.url && packUrlProblem(response.url)) {
      return { kind: 'failed', message: `The address sent Trailguide on to ${response.url}, which is not a secure (https://) address.` };
    }
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) return { kind: 'failed', message: statusMessage(response.status) };
    const declared = Number(response.headers.get('content-length') ?? '');
    const tooBig = `The pack at ${host} is larger than ${maxBytes / 1024 / 1024} MB, so Trailguide stopped downloading it.`;
    if (Number.isFinite(declared) && declared > maxBytes) return { kind: 'failed', message: tooBig };
    const text = await readCapped(response, maxBytes);
    if (text === null) return { kind: 'failed', message: tooBig };
    if (!text.trim()) return { kind: 'failed', message: `The server at ${host} sent an empty file instead of a pack.` };
    const contentType = response.headers.get('content-type') ?? '';
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return {
      kind: 'ok',
      text,
      looksLikeHtml: /html/i.test(contentType) && text.trimStart().startsWith('<'),
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    };
  } catch (error) {
    if (controller.signal.aborted) {
      return { kind: 'failed', message: `The server at ${host} took longer than ${Math.round(timeoutMs / 1000)} seconds to answer.` };
    }
    void error;
    return {
      kind: 'failed',
      message: `Trailguide couldn't reach ${host}. Check your connection and the address. If the address opens in a browser tab, the server may not allow extensions to read it.`,
    };
  } finally {
    clearTimeout(timer);
  }
}
