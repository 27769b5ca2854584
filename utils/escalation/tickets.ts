/**
 * Prefilled "new ticket" links. Nothing is sent anywhere: the user's browser
 * opens the link and the user submits (DESIGN.md §3.7). Every value is
 * percent-encoded with encodeURIComponent (spaces as %20).
 *
 * Browsers and servers refuse very long addresses, so each target has a limit;
 * a body that does not fit is shortened with a note on top saying the full text
 * was copied and a mark where it was cut, and `truncated` tells the caller to
 * copy the full text and say so. Evidence is never cut without both.
 */
export type TicketTarget = 'github' | 'jira' | 'linear' | 'email';
export const TICKET_TARGET_NAMES: Record<TicketTarget, string> = {
  github: 'GitHub issue',
  jira: 'Jira issue',
  linear: 'Linear issue',
  email: 'e-mail',
};

export interface TicketConfig {
  github?: { baseUrl?: string; repo: string; labels?: readonly string[] };
  jira?: { baseUrl: string; projectId: string; issueTypeId?: string | null };
  linear?: { team?: string | null };
  email?: { to?: string | null };
}

export const URL_LIMITS: Record<TicketTarget, number> = { github: 8_000, jira: 8_000, linear: 8_000, email: 2_000 };

export const TRUNCATION_NOTE =
  'Trailguide copied the full escalation to your clipboard because it is too long for a link. Replace this text by pasting it.';

/** Ends a shortened body, so nobody mistakes the cut text for the whole escalation. */
export const CUT_MARK = '[… cut here: the link can’t hold the rest. The full escalation, with every row and hash, is on your clipboard.]';

export type TicketLink =
  | { ok: true; target: TicketTarget; url: string; truncated: boolean }
  | { ok: false; target: TicketTarget; message: string };

const enc = encodeURIComponent;

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

type UrlBuilder = (title: string, body: string) => string;

function builderFor(target: TicketTarget, config: TicketConfig): UrlBuilder | string {
  switch (target) {
    case 'github': {
      if (!config.github?.repo) return 'Set the GitHub repository for escalations in Trailguide → Settings (for example "acme/support"), or ask your team lead to add it to the pack.';
      const base = `${trimSlash(config.github.baseUrl || 'https://github.com')}/${config.github.repo}/issues/new`;
      const labels = config.github.labels?.length ? `&labels=${enc(config.github.labels.join(','))}` : '';
      return (title, body) => `${base}?title=${enc(title)}&body=${enc(body)}${labels}`;
    }
    case 'jira': {
      if (!config.jira?.baseUrl || !config.jira.projectId) return 'Set the Jira address and project for escalations in Trailguide → Settings, or ask your team lead to add them to the pack.';
      const base = `${trimSlash(config.jira.baseUrl)}/secure/CreateIssueDetails!init.jspa?pid=${enc(config.jira.projectId)}`;
      const type = config.jira.issueTypeId ? `&issuetype=${enc(config.jira.issueTypeId)}` : '';
      return (title, body) => `${base}${type}&summary=${enc(title)}&description=${enc(body)}`;
    }
    case 'linear': {
      const team = config.linear?.team?.trim();
      const base = team ? `https://linear.app/team/${enc(team)}/new` : 'https://linear.app/new';
      return (title, body) => `${base}?title=${enc(title)}&description=${enc(body)}`;
    }
    case 'email': {
      // RFC 6068: "@" may stay as it is in the address; line breaks are CRLF.
      const to = config.email?.to ? enc(config.email.to).replace(/%40/g, '@') : '';
      const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
      return (title, body) => `mailto:${to}?subject=${enc(title)}&body=${enc(crlf(body))}`;
    }
  }
}

/** Cuts text to at most `length` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, length: number): string {
  let end = Math.max(0, Math.min(length, text.length));
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** The longest prefix of `text` for which fits(prefix) holds (binary search). */
function longestFitting(text: string, fits: (prefix: string) => boolean): string {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(cut(text, mid))) low = mid;
    else high = mid - 1;
  }
  return cut(text, low);
}

export function ticketLink(
  target: TicketTarget,
  content: { title: string; body: string },
  config: TicketConfig,
  limit: number = URL_LIMITS[target],
): TicketLink {
  const build = builderFor(target, config);
  if (typeof build === 'string') return { ok: false, target, message: build };
  const full = build(content.title, content.body);
  if (full.length <= limit) return { ok: true, target, url: full, truncated: false };

  // Keep as much of the title as fits with an empty body, then fill the body.
  const title = longestFitting(content.title, (t) => build(t, TRUNCATION_NOTE).length <= limit);
  const head = `${TRUNCATION_NOTE}\n\n`;
  const tail = `\n\n${CUT_MARK}`;
  const kept = longestFitting(content.body, (b) => build(title, `${head}${b}${tail}`).length <= limit);
  const url = build(title, kept ? `${head}${kept}${tail}` : TRUNCATION_NOTE);
  if (url.length > limit) {
    return { ok: false, target, message: 'This escalation is too long to open as a link. Copy it and paste it into a new ticket instead.' };
  }
  return { ok: true, target, url, truncated: true };
}
