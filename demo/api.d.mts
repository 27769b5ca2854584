// Types for api.mjs (the demo console's JSON API as a pure function).
import type { Dataset } from './data.mjs';

export const DEFAULT_PAGE_SIZE: number;
export const MAX_PAGE_SIZE: number;
export const MAX_LATENCY_MS: number;
export function requestedLatency(url: URL): number;
export function handleApiRequest(url: URL, dataset: Dataset): { status: number; body: unknown } | null;
