import { describe, expect, it } from 'vitest';
import { CUT_MARK, ticketLink, TRUNCATION_NOTE, URL_LIMITS } from '../../utils/escalation/tickets';

const content = { title: 'Settings changed: dana@northwind.example', body: '## Case\n- a & b = c?\n| x | y |' };

describe('ticket links', () => {
  it('GitHub issue with title, body and labels', () => {
    expect(ticketLink('github', content, { github: { repo: 'acme/support', labels: ['escalation', 'tier 2'] } })).toEqual({
      ok: true,
      target: 'github',
      truncated: false,
      url: 'https://github.com/acme/support/issues/new?title=Settings%20changed%3A%20dana%40northwind.example&body=%23%23%20Case%0A-%20a%20%26%20b%20%3D%20c%3F%0A%7C%20x%20%7C%20y%20%7C&labels=escalation%2Ctier%202',
    });
  });

  it('GitHub base URL can be overridden (Enterprise, local stand-in)', () => {
    const link = ticketLink('github', { title: 'T', body: 'B' }, { github: { repo: 'o/r', baseUrl: 'http://127.0.0.1:4567/' } });
    expect(link).toMatchObject({ ok: true, url: 'http://127.0.0.1:4567/o/r/issues/new?title=T&body=B' });
  });

  it('Jira create-issue link', () => {
    expect(ticketLink('jira', { title: 'T 1', body: 'B\n2' }, { jira: { baseUrl: 'https://acme.atlassian.net/', projectId: '10000', issueTypeId: '10002' } })).toMatchObject({
      ok: true,
      url: 'https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=10000&issuetype=10002&summary=T%201&description=B%0A2',
    });
  });

  it('Linear new-issue link for a team, or the workspace default', () => {
    expect(ticketLink('linear', { title: 'T', body: 'B b' }, { linear: { team: 'SUP' } })).toMatchObject({ url: 'https://linear.app/team/SUP/new?title=T&description=B%20b' });
    expect(ticketLink('linear', { title: 'T', body: 'B' }, {})).toMatchObject({ url: 'https://linear.app/new?title=T&description=B' });
  });

  it('mailto with CRLF line breaks and a readable address', () => {
    expect(ticketLink('email', { title: 'Hi & bye', body: 'line 1\nline 2' }, { email: { to: 'oncall+t2@acme.example' } })).toMatchObject({
      ok: true,
      url: 'mailto:oncall%2Bt2@acme.example?subject=Hi%20%26%20bye&body=line%201%0D%0Aline%202',
    });
    expect(ticketLink('email', { title: 'x', body: 'y' }, {})).toMatchObject({ url: 'mailto:?subject=x&body=y' });
  });

  it('says what to set up when a target is not configured', () => {
    const github = ticketLink('github', content, {});
    expect(github.ok).toBe(false);
    expect(github.ok === false && github.message).toMatch(/Settings/);
    expect(ticketLink('jira', content, {}).ok).toBe(false);
  });

  it('shortens long bodies within the limit and flags them', () => {
    const body = '| row | 😀 data |\n'.repeat(2_000);
    for (const target of ['github', 'jira', 'linear', 'email'] as const) {
      const link = ticketLink(target, { title: 'Long', body }, { github: { repo: 'o/r' }, jira: { baseUrl: 'https://j.example', projectId: '1' } });
      expect(link.ok, target).toBe(true);
      if (!link.ok) continue;
      expect(link.truncated).toBe(true);
      expect(link.url.length).toBeLessThanOrEqual(URL_LIMITS[target]);
      expect(link.url.length).toBeGreaterThan(URL_LIMITS[target] - 200);
      const params = new URL(link.url.replace(/^mailto:/, 'https://mail.invalid/')).searchParams;
      const sent = params.get('body') ?? params.get('description')!;
      expect(sent.startsWith(TRUNCATION_NOTE)).toBe(true);
      // The cut is marked in words, not a bare ellipsis: the reader must know evidence is missing here.
      expect(sent.endsWith(CUT_MARK)).toBe(true);
    }
  });

  it('shortens an enormous title too', () => {
    const link = ticketLink('email', { title: 'é'.repeat(5_000), body: 'b' }, {});
    expect(link.ok && link.truncated && link.url.length <= 2_000).toBe(true);
  });
});
