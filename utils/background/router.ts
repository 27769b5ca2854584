import type { z } from 'zod';
import type { SenderInfo } from '../messages';

/**
 * The background's message router (DESIGN.md §3.5). Each feature registers its
 * message types with a zod schema and who may send them; anything else is ignored.
 * Handlers return plain data (or a promise of it); errors become { error } replies
 * in plain language, never an unhandled rejection.
 */
export type SenderPolicy = 'extension-page' | 'content-script' | 'any-extension-context';

export interface SenderCheck {
  extensionId: string;
  extensionOrigin: string;
}

interface Route {
  schema: z.ZodType;
  from: SenderPolicy;
  handle: (message: never, sender: SenderInfo) => unknown;
}

const routes = new Map<string, Route>();

export function registerHandler<S extends z.ZodType<{ type: string }>>(
  type: string,
  schema: S,
  from: SenderPolicy,
  handle: (message: z.infer<S>, sender: SenderInfo) => unknown,
): void {
  if (routes.has(type)) throw new Error(`Message type "${type}" is registered twice.`);
  routes.set(type, { schema, from, handle: handle as Route['handle'] });
}

export function senderAllowed(policy: SenderPolicy, sender: SenderInfo, check: SenderCheck): boolean {
  if (sender.id !== check.extensionId) return false;
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(check.extensionOrigin);
  switch (policy) {
    case 'extension-page':
      return fromExtensionPage;
    case 'content-script':
      return !fromExtensionPage && typeof sender.tab?.id === 'number';
    case 'any-extension-context':
      return true;
  }
}

export interface ErrorReply {
  error: string;
}

/**
 * Returns undefined for messages that are not for the background (so other
 * listeners may answer), otherwise a promise of the reply.
 */
export function dispatch(raw: unknown, sender: SenderInfo, check: SenderCheck): Promise<unknown> | undefined {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return undefined;
  const route = routes.get(type);
  if (!route) return undefined;
  if (!senderAllowed(route.from, sender, check)) return undefined;
  const parsed = route.schema.safeParse(raw);
  if (!parsed.success) return Promise.resolve<ErrorReply>({ error: 'Trailguide received a request it did not understand.' });
  return Promise.resolve()
    .then(() => route.handle(parsed.data as never, sender))
    .catch((error: unknown): ErrorReply => ({ error: plainError(error) }));
}

/** Known failure kinds in words a support agent can act on. */
export function plainError(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'Your browser is out of space for Trailguide. Nothing was lost, but this was not saved: export and delete old cases in Trailguide → History, then try again.';
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong inside Trailguide. Nothing was lost; please try again.';
}

/** For tests: every registered message type and who may send it (the registry-completeness check). */
export function registeredRoutes(): { type: string; from: SenderPolicy }[] {
  return [...routes].map(([type, route]) => ({ type, from: route.from }));
}

/** For tests: forget every route. */
export function resetRoutes(): void {
  routes.clear();
}
