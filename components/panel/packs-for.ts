/**
 * The panel asks for the packs with its page's adapter only (panel:init's `adapter`). The page
 * may change adapter while it asks — the detector shows the best match so far and moves up to
 * the adapter in force when its markup comes (utils/detect-rank.ts) — and a reply for the
 * adapter before would leave the panel without the one it shows ("Audit log", no runbook fits).
 * So a reply for another adapter than the current one is asked again, a few times at most.
 */
export async function packsForCurrent<R extends { adaptersFor?: string | null }>(
  ask: (adapter: string | null) => Promise<R>,
  current: () => string | null,
  tries = 3,
): Promise<R> {
  let reply = await ask(current());
  for (let i = 1; i < tries && stale(reply, current()); i++) reply = await ask(current());
  return reply;
}

function stale(reply: { adaptersFor?: string | null }, now: string | null): boolean {
  return Boolean(reply.adaptersFor && now && reply.adaptersFor !== now);
}
