// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { captureRows, readVisibleRows } from '../../utils/engine/capture';
import { adapterById, builtinAdapters, hasFixture, loadFixture } from './adapters-fixtures';

/**
 * Capture on every fixture page: the expected rows are written out by hand from the
 * fixture HTML (first and last row in full, plus the row count), so a selector that
 * drifts to the wrong cell fails here.
 */
interface Expected {
  count: number;
  first: { time: string; actor: string; action: string; target?: string; ip?: string; result?: string };
  last: { time: string; actor: string; action: string };
}

const EXPECTED: Record<string, Expected> = {
  'acme-demo': {
    count: 5,
    first: { time: '2026-11-26T10:00:00.000Z', actor: 'ana@acme.test', action: 'user.login', target: 'ana@acme.test', ip: '203.0.113.5', result: 'Success' },
    last: { time: '2026-11-24T12:00:00.000Z', actor: 'cho@acme.test', action: 'api_key.created' },
  },
  'github-audit-log': {
    count: 6,
    first: { time: '2026-11-26T16:04:11.000Z', actor: 'octocat', action: 'org.add_member', target: 'Added hubot', ip: '203.0.113.24' },
    last: { time: '2026-11-22T21:30:15.000Z', actor: 'octocat', action: 'org.disable_two_factor_requirement' },
  },
  'okta-system-log': {
    count: 6,
    first: { time: '2026-11-26T14:03:11.000Z', actor: 'jane@acme.example', action: 'user.session.start', target: '', ip: '203.0.113.50', result: 'SUCCESS' },
    last: { time: '2026-11-24T09:58:31.000Z', actor: 'sam@acme.example', action: 'group.user_membership.add' },
  },
  'aws-cloudtrail': {
    count: 5,
    first: { time: '2026-11-26T08:01:22.000Z', actor: 'alice', action: 'ConsoleLogin', target: '-', result: '' },
    last: { time: '2026-11-25T19:44:02.000Z', actor: 'deploy-role', action: 'PutBucketPolicy' },
  },
  'gcp-logs-explorer': {
    count: 5,
    first: { time: '2026-11-26T11:20:05.123Z', actor: 'jane@acme.example', action: 'SetIamPolicy', target: 'projects/acme-prod', ip: '203.0.113.8' },
    last: { time: '2026-11-24T23:59:59.999Z', actor: 'sam@acme.example', action: 'google.logging.v2.ConfigServiceV2.DeleteSink' },
  },
  'datadog-audit-trail': {
    count: 5,
    first: { time: '2026-11-26T10:15:02.000Z', actor: 'jane@acme.example', action: 'Access Management', target: 'ci-pipeline key', ip: '203.0.113.77', result: 'info' },
    last: { time: '2026-11-24T12:05:55.000Z', actor: 'ops@acme.example', action: 'Log Management' },
  },
  'auth0-logs': {
    count: 5,
    first: { time: '2026-11-26T09:00:03.511Z', actor: 'jane@acme.example', action: 's', target: 'Acme Web', ip: '203.0.113.61' },
    last: { time: '2026-11-25T11:02:45.900Z', actor: 'sam@acme.example', action: 'sapi' },
  },
  'google-workspace-admin-audit': {
    count: 5,
    first: { time: '2026-11-26T13:10:00.000Z', actor: 'sam@acme.example', action: 'GRANT_ADMIN_PRIVILEGE', target: 'lee@acme.example', ip: '192.0.2.61' },
    last: { time: '2026-11-24T09:05:00.000Z', actor: 'sam@acme.example', action: 'SUSPEND_USER' },
  },
  'cloudflare-audit-log': {
    count: 5,
    first: { time: '2026-11-26T12:00:00.000Z', actor: 'jane@acme.example', action: 'rec_set', target: 'acme.example · www A record', ip: '203.0.113.9', result: 'Success' },
    last: { time: '2026-11-24T16:30:45.000Z', actor: 'lee@acme.example', action: 'ssl_setting_change' },
  },
  'stripe-events': {
    count: 5,
    first: { time: '2026-11-26T15:31:09.000Z', actor: 'jane@acme.example', action: 'customer.updated', target: 'cus_R1' },
    last: { time: '2026-11-24T08:00:00.000Z', actor: 'jane@acme.example', action: 'customer.subscription.deleted' },
  },
  'atlassian-admin-audit': {
    count: 5,
    first: { time: '2026-11-26T09:30:00.000Z', actor: 'jane@acme.example', action: 'Organization admin role granted', target: 'lee@acme.example', ip: '203.0.113.121' },
    last: { time: '2026-11-24T18:20:00.000Z', actor: 'system', action: 'User deactivated' },
  },
};

describe('capture on the fixture pages', () => {
  it('has expected rows for every adapter with a fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(builtinAdapters().filter((a) => hasFixture(a.id)).map((a) => a.id).sort());
  });

  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`${id}: reads every visible row with an ISO time, the actor and the action`, () => {
      const { rows, warnings } = readVisibleRows(loadFixture(id), adapterById(id));
      expect(rows).toHaveLength(expected.count);
      expect(rows[0]).toMatchObject(expected.first);
      expect(rows.at(-1)).toMatchObject(expected.last);
      expect(rows.every((r) => r.time !== null && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(r.time))).toBe(true);
      expect(rows.every((r) => r.actor !== '' && r.action !== '')).toBe(true);
      expect(warnings.filter((w) => /time|actor|action/.test(w))).toEqual([]);
    });

    it(`${id}: captureRows stops at the limit without paging`, async () => {
      const result = await captureRows(loadFixture(id), adapterById(id), { limit: 2, pageTimeoutMs: 200 });
      expect(result.stoppedBecause).toBe('limit');
      expect(result.rows.map((r) => r.time)).toEqual([expected.first.time, readVisibleRows(loadFixture(id), adapterById(id)).rows[1]!.time]);
    });
  }
});
