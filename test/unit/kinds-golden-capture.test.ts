// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readVisibleRows } from '../../utils/engine/capture';
import { mapRowToKind } from '../../utils/kinds/resolve';
import { adapterById, loadFixture } from './adapters-fixtures';

/**
 * Capture maps each row's code back to its kind (issue 16, item 2), so explanations and
 * escalations can speak kinds across tools. Written by hand from the fixture pages
 * (test/fixtures/adapters/*.html) and the adapters' kind maps: every row of each vendor
 * fixture → the kind it is, or none when its code is no kind or the row can't show the
 * condition the kind needs.
 */
const EXPECTED: Record<string, [string, string | undefined][]> = {
  'okta-system-log': [
    ['user.session.start', 'sign-in-succeeded'], // outcome SUCCESS
    ['user.mfa.factor.deactivate', 'mfa-removed'],
    ['user.session.start', 'sign-in-failed'], // outcome FAILURE
    ['user.account.lock', 'account-locked'],
    ['user.mfa.factor.reset_all', 'mfa-removed'],
    ['group.user_membership.add', 'group-member-added'],
  ],
  'auth0-logs': [
    ['s', 'sign-in-succeeded'],
    ['fp', 'sign-in-failed'],
    ['limit_wc', 'account-locked'],
    ['gd_unenroll', 'mfa-removed'],
    ['sapi', undefined], // any dashboard or Management API change
  ],
  'github-audit-log': [
    ['org.add_member', 'group-member-added'],
    ['org.update_member', 'role-granted'],
    ['repo.destroy', undefined],
    ['oauth_application.create', undefined],
    ['protected_branch.destroy', undefined],
    ['org.disable_two_factor_requirement', undefined],
  ],
  'aws-cloudtrail': [
    ['ConsoleLogin', undefined], // successful or not: only the event record says
    ['CreateAccessKey', 'api-key-created'],
    ['AttachUserPolicy', 'role-granted'],
    ['StopLogging', 'audit-log-settings-changed'],
    ['PutBucketPolicy', undefined],
  ],
  'gcp-logs-explorer': [
    ['SetIamPolicy', 'role-granted'],
    ['google.iam.admin.v1.CreateServiceAccountKey', 'api-key-created'],
    ['v1.compute.firewalls.insert', undefined],
    ['storage.setIamPermissions', undefined],
    ['google.logging.v2.ConfigServiceV2.DeleteSink', 'audit-log-settings-changed'],
  ],
  'datadog-audit-trail': [
    ['Access Management', undefined], // a role or sign-in setting: the table doesn't show the asset type
    ['Monitor', undefined],
    ['Dashboard', undefined],
    ['Authentication', undefined], // a sign-in, but Datadog doesn't document how a failed one is marked
    ['Log Management', undefined],
  ],
  'google-workspace-admin-audit': [
    ['GRANT_ADMIN_PRIVILEGE', 'role-granted'],
    ['CHANGE_PASSWORD', 'password-reset-completed'],
    ['TURN_OFF_2_STEP_VERIFICATION', undefined],
    ['AUTHORIZE_API_CLIENT_ACCESS', 'integration-added'],
    ['SUSPEND_USER', 'user-suspended'],
  ],
  'atlassian-admin-audit': [
    // The fixture's activity labels are modelled; Atlassian's documented names differ (see the adapter).
    ['Organization admin role granted', undefined],
    ['Authentication policy updated', undefined],
    ['API token created', undefined],
    ['User added to group', undefined],
    ['User deactivated', undefined],
  ],
  'cloudflare-audit-log': [
    ['rec_set', undefined],
    ['token_create', undefined],
    ['member_role_change', undefined],
    ['login', undefined],
    ['ssl_setting_change', undefined],
  ],
  'stripe-events': [
    ['customer.updated', undefined],
    ['account.external_account.updated', undefined],
    ['charge.refunded', undefined],
    ['charge.dispute.created', undefined],
    ['customer.subscription.deleted', undefined],
  ],
};

describe('capture maps each fixture row back to its kind', () => {
  it.each(Object.keys(EXPECTED))('%s', (id) => {
    const adapter = adapterById(id);
    const { rows } = readVisibleRows(loadFixture(id), adapter);
    expect(rows.map((row) => [row.action, mapRowToKind(row, adapter)])).toEqual(EXPECTED[id]);
  });

  it('reads the condition from the row, not from the code alone (Okta: the same event type, two kinds)', () => {
    const okta = adapterById('okta-system-log');
    const { rows } = readVisibleRows(loadFixture('okta-system-log'), okta);
    const sessions = rows.filter((row) => row.action === 'user.session.start');
    expect(sessions.map((row) => row.raw.outcome)).toEqual(['SUCCESS', 'FAILURE']);
    expect(mapRowToKind({ ...sessions[1]!, raw: { ...sessions[1]!.raw, outcome: 'DENY' } }, okta)).toBeUndefined();
  });
});
