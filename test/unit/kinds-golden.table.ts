/**
 * The golden table for event kinds, written and reviewed by hand (issue 16): what each
 * built-in tool receives when a built-in runbook's step asks for a kind of event.
 *
 * It is two literal tables that together cover every built-in runbook × every built-in
 * adapter × every step that names a kind:
 *
 * - RUNBOOK_STEP_KINDS: which kind each step asks for (runbook id → step number → kind);
 * - EVENT_SEARCH: for each adapter and each of those kinds, the exact search the tool
 *   receives for the event filter alone (plus the conditions the kind brings, such as
 *   Okta's outcome), or the refusal.
 *
 * Addresses are those the vendors' own pages use (see each adapter's `docs:`); the codes
 * were checked against the vendor documentation cited in the adapters' kind maps. A
 * change to a kind map, to the resolver or to the link builder shows up here as a diff.
 *
 * FULL_SEARCH writes out the whole search (person, dates and event) for the failed
 * sign-in runbook's first step on the demo console and the tools issue 16 names, with
 * the exact sentence the agent reads when a tool can't do it.
 */

export type EventSearch =
  /**
   * The deep link the tool is sent to; `check`: a condition the tool can't filter on, so the
   * search is broader than the kind and the agent is told to check it on each row.
   */
  | { url: string; check?: string }
  /** No deep link: the boxes filled on the page (label, value). */
  | { boxes: [string, string][] }
  /** The adapter says the tool has no such event (its `unsupported:` reason is shown). */
  | 'unsupported'
  /** Several codes the tool can't search at once: one search per code, the agent picks. */
  | { several: string[] };

/** The page each adapter is on when the step runs. */
export const PAGES: Record<string, string> = {
  'acme-demo': 'http://127.0.0.1:4173/audit',
  'github-audit-log': 'https://github.com/organizations/acme/settings/audit-log',
  'okta-system-log': 'https://acme-admin.okta.com/report/system_log_2',
  'auth0-logs': 'https://manage.auth0.com/dashboard/us/acme/logs',
  'aws-cloudtrail': 'https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events',
  'datadog-audit-trail': 'https://app.datadoghq.com/audit-trail',
  'gcp-logs-explorer': 'https://console.cloud.google.com/logs/query?project=acme-prod',
  'google-workspace-admin-audit': 'https://admin.google.com/ac/reporting/audit/login',
  'atlassian-admin-audit': 'https://admin.atlassian.com/o/acme-org/audit-log',
  'cloudflare-audit-log': 'https://dash.cloudflare.com/0123abcd/audit-log',
  'stripe-events': 'https://dashboard.stripe.com/events',
};

export const RUNBOOK_STEP_KINDS: Record<string, Record<number, string>> = {
  'admin-role-granted': { 1: 'role-granted' },
  'api-key-created': { 1: 'api-key-created', 5: 'data-exported' },
  'bulk-data-export': { 1: 'data-exported', 5: 'audit-log-exported' },
  'cant-find-the-event': {},
  'compliance-access-history': { 1: 'sign-in-succeeded', 3: 'sign-in-failed' },
  'email-changed-takeover-check': { 1: 'email-changed', 3: 'sign-in-succeeded' },
  'failed-sign-in-burst': { 1: 'sign-in-failed', 4: 'sign-in-succeeded', 6: 'sign-in-failed' },
  'ip-allowlist-changed': { 1: 'ip-allowlist-changed', 3: 'sign-in-failed' },
  'mfa-removed': { 1: 'mfa-removed', 5: 'sign-in-succeeded' },
  'offboarding-check': { 1: 'user-suspended', 5: 'user-reactivated', 6: 'api-key-created' },
  'permission-denied': {},
  'settings-changed-without-permission': { 1: 'account-settings-changed', 4: 'sign-in-succeeded' },
  'sso-configuration-changed': { 1: 'sso-settings-changed', 3: 'sign-in-failed' },
  'suspicious-sign-in-new-country': { 1: 'sign-in-succeeded' },
  'unrequested-password-reset': { 1: 'password-reset-requested', 5: 'sign-in-failed' },
  'user-lost-access': { 3: 'sign-in-failed', 5: 'ip-allowlist-changed' },
  'webhook-or-integration-added': { 1: 'webhook-added', 3: 'integration-added', 5: 'webhook-removed' },
};

const DEMO = PAGES['acme-demo'];
const G = PAGES['github-audit-log'];
const O = PAGES['okta-system-log'];
const A = PAGES['auth0-logs'];
const C = 'https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events';
const D = PAGES['datadog-audit-trail'];
const P = 'https://console.cloud.google.com/logs/query';

export const EVENT_SEARCH: Record<string, Record<string, EventSearch>> = {
  // The bundled demo console (Acme Admin): `action=<code>` in the address; `page=` is always added.
  'acme-demo': {
    'sign-in-succeeded': { url: `${DEMO}?action=user.login&page=` },
    'sign-in-failed': { url: `${DEMO}?action=user.login_failed&page=` },
    'role-granted': { url: `${DEMO}?action=role.granted&page=` },
    'api-key-created': { url: `${DEMO}?action=api_key.created&page=` },
    'data-exported': { url: `${DEMO}?action=data.export&page=` },
    'audit-log-exported': { url: `${DEMO}?action=audit_log.exported&page=` },
    'email-changed': { url: `${DEMO}?action=user.email_changed&page=` },
    'ip-allowlist-changed': { url: `${DEMO}?action=ip_allowlist.updated&page=` },
    'mfa-removed': { url: `${DEMO}?action=user.mfa_removed&page=` },
    'user-suspended': { url: `${DEMO}?action=user.deactivated&page=` },
    'user-reactivated': { url: `${DEMO}?action=user.reactivated&page=` },
    'account-settings-changed': { url: `${DEMO}?action=account.settings_changed&page=` },
    'sso-settings-changed': { url: `${DEMO}?action=sso.config_changed&page=` },
    'password-reset-requested': { url: `${DEMO}?action=user.password_reset&page=` },
    'webhook-added': { url: `${DEMO}?action=webhook.created&page=` },
    'integration-added': { url: `${DEMO}?action=integration.connected&page=` },
    'webhook-removed': { url: `${DEMO}?action=webhook.deleted&page=` },
  },
  // GitHub organization audit log: `action:<name>` in q. A person's sign-ins, passwords,
  // two-factor settings and e-mail addresses are in their own security log.
  'github-audit-log': {
    'sign-in-succeeded': 'unsupported',
    'sign-in-failed': 'unsupported',
    'role-granted': { several: ['org.update_member', 'organization_role.assign'] },
    'api-key-created': { several: ['personal_access_token.access_granted', 'public_key.create'] },
    'data-exported': 'unsupported',
    'audit-log-exported': { several: ['org.audit_log_export', 'org.audit_log_git_event_export'] },
    'email-changed': 'unsupported',
    'ip-allowlist-changed': { several: ['ip_allow_list_entry.create', 'ip_allow_list_entry.update', 'ip_allow_list_entry.destroy', 'ip_allow_list.enable', 'ip_allow_list.disable'] },
    'mfa-removed': 'unsupported',
    'user-suspended': { url: `${G}?q=action%3Aorg.remove_member` },
    'user-reactivated': { url: `${G}?q=action%3Aorg.restore_member` },
    'account-settings-changed': 'unsupported',
    'sso-settings-changed': { several: ['org.update_saml_provider_settings', 'org.enable_saml', 'org.disable_saml'] },
    'password-reset-requested': 'unsupported',
    'webhook-added': { url: `${G}?q=action%3Ahook.create` },
    'integration-added': { several: ['integration_installation.create', 'org.oauth_app_access_approved'] },
    'webhook-removed': { url: `${G}?q=action%3Ahook.destroy` },
  },
  // Okta System Log: `eventType eq "<type>"` in search, joined with " and "; a failed sign-in
  // is user.session.start with outcome.result FAILURE.
  'okta-system-log': {
    'sign-in-succeeded': { url: `${O}?search=eventType+eq+%22user.session.start%22+and+outcome.result+eq+%22SUCCESS%22` },
    'sign-in-failed': { url: `${O}?search=eventType+eq+%22user.session.start%22+and+outcome.result+eq+%22FAILURE%22` },
    'role-granted': { url: `${O}?search=eventType+eq+%22user.account.privilege.grant%22` },
    'api-key-created': { url: `${O}?search=eventType+eq+%22system.api_token.create%22` },
    'data-exported': 'unsupported',
    'audit-log-exported': 'unsupported',
    'email-changed': 'unsupported',
    'ip-allowlist-changed': { several: ['zone.update', 'zone.create', 'zone.delete', 'zone.deactivate'] },
    'mfa-removed': { several: ['user.mfa.factor.deactivate', 'user.mfa.factor.reset_all'] },
    'user-suspended': { several: ['user.lifecycle.suspend', 'user.lifecycle.deactivate'] },
    'user-reactivated': { several: ['user.lifecycle.unsuspend', 'user.lifecycle.reactivate'] },
    'account-settings-changed': 'unsupported',
    'sso-settings-changed': { several: ['system.idp.lifecycle.update', 'system.idp.lifecycle.create', 'system.idp.lifecycle.deactivate'] },
    'password-reset-requested': { url: `${O}?search=eventType+eq+%22user.account.reset_password%22` },
    'webhook-added': { url: `${O}?search=eventType+eq+%22event_hook.created%22` },
    'integration-added': { url: `${O}?search=eventType+eq+%22application.lifecycle.create%22` },
    'webhook-removed': { url: `${O}?search=eventType+eq+%22event_hook.deleted%22` },
  },
  // Auth0 logs: `type:"<code>"` in q. Dashboard and Management API changes are all `sapi`.
  'auth0-logs': {
    'sign-in-succeeded': { url: `${A}?q=type%3A%22s%22` },
    'sign-in-failed': { several: ['f', 'fp', 'fu'] },
    'role-granted': 'unsupported',
    'api-key-created': 'unsupported',
    'data-exported': 'unsupported',
    'audit-log-exported': 'unsupported',
    'email-changed': { url: `${A}?q=type%3A%22sce%22` },
    'ip-allowlist-changed': 'unsupported',
    'mfa-removed': { url: `${A}?q=type%3A%22gd_unenroll%22` },
    'user-suspended': 'unsupported',
    'user-reactivated': 'unsupported',
    'account-settings-changed': 'unsupported',
    'sso-settings-changed': 'unsupported',
    'password-reset-requested': { url: `${A}?q=type%3A%22scpr%22` },
    'webhook-added': 'unsupported',
    'integration-added': 'unsupported',
    'webhook-removed': 'unsupported',
  },
  // CloudTrail event history: one lookup attribute, EventName=<API name>, in the hash route.
  'aws-cloudtrail': {
    'sign-in-succeeded': 'unsupported',
    'sign-in-failed': 'unsupported',
    'role-granted': { several: ['AttachUserPolicy', 'PutUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy'] },
    'api-key-created': { url: `${C}?EventName=CreateAccessKey` },
    'data-exported': 'unsupported',
    'audit-log-exported': 'unsupported',
    'email-changed': 'unsupported',
    'ip-allowlist-changed': 'unsupported',
    'mfa-removed': { several: ['DeactivateMFADevice', 'DeleteVirtualMFADevice'] },
    'user-suspended': 'unsupported',
    'user-reactivated': 'unsupported',
    'account-settings-changed': 'unsupported',
    'sso-settings-changed': { several: ['CreateSAMLProvider', 'UpdateSAMLProvider', 'DeleteSAMLProvider'] },
    'password-reset-requested': { url: `${C}?EventName=PasswordRecoveryRequested` },
    'webhook-added': 'unsupported',
    'integration-added': 'unsupported',
    'webhook-removed': 'unsupported',
  },
  // Datadog Audit Trail: the product area (@evt.name) plus @action and @asset.type, as in
  // the queries of Datadog's "Audit Trail Events" page; live=false is always added.
  'datadog-audit-trail': {
    'sign-in-succeeded': 'unsupported',
    'sign-in-failed': 'unsupported',
    'role-granted': { url: `${D}?query=%40evt.name%3A%22Access%20Management%22%20%40action%3Amodified%20%40asset.type%3Arole&live=false` },
    'api-key-created': { url: `${D}?query=%40evt.name%3AAuthentication%20%40action%3Acreated%20%40asset.type%3Aapi_key&live=false` },
    'data-exported': 'unsupported',
    'audit-log-exported': 'unsupported',
    'email-changed': 'unsupported',
    'ip-allowlist-changed': 'unsupported',
    'mfa-removed': 'unsupported',
    'user-suspended': 'unsupported',
    'user-reactivated': 'unsupported',
    'account-settings-changed': 'unsupported',
    'sso-settings-changed': { url: `${D}?query=%40evt.name%3A%22Access%20Management%22%20%40asset.type%3Aidentity_provider&live=false` },
    'password-reset-requested': 'unsupported',
    'webhook-added': 'unsupported',
    'integration-added': { url: `${D}?query=%40evt.name%3AIntegration%20%40action%3Acreated%20%40asset.type%3Aintegration&live=false` },
    'webhook-removed': 'unsupported',
  },
  // Google Cloud Logs Explorer: protoPayload.methodName="<method>" as a ;query= path parameter.
  'gcp-logs-explorer': {
    'sign-in-succeeded': 'unsupported',
    'sign-in-failed': 'unsupported',
    'role-granted': { url: `${P};query=protoPayload.methodName%3D%22SetIamPolicy%22?project=acme-prod` },
    'api-key-created': { url: `${P};query=protoPayload.methodName%3D%22google.iam.admin.v1.CreateServiceAccountKey%22?project=acme-prod` },
    'data-exported': 'unsupported',
    'audit-log-exported': 'unsupported',
    'email-changed': 'unsupported',
    'ip-allowlist-changed': 'unsupported',
    'mfa-removed': 'unsupported',
    'user-suspended': 'unsupported',
    'user-reactivated': 'unsupported',
    'account-settings-changed': 'unsupported',
    'sso-settings-changed': 'unsupported',
    'password-reset-requested': 'unsupported',
    'webhook-added': 'unsupported',
    'integration-added': 'unsupported',
    'webhook-removed': 'unsupported',
  },
  // Google Workspace audit pages: no address carries filters; the Event filter is picked on the page.
  'google-workspace-admin-audit': {
    'sign-in-succeeded': { boxes: [['Event', 'login_success']] },
    'sign-in-failed': { boxes: [['Event', 'login_failure']] },
    'role-granted': { several: ['ASSIGN_ROLE', 'GRANT_ADMIN_PRIVILEGE'] },
    'api-key-created': 'unsupported',
    'data-exported': 'unsupported',
    'audit-log-exported': 'unsupported',
    'email-changed': 'unsupported',
    'ip-allowlist-changed': 'unsupported',
    'mfa-removed': { boxes: [['Event', '2sv_disable']] },
    'user-suspended': { boxes: [['Event', 'SUSPEND_USER']] },
    'user-reactivated': { boxes: [['Event', 'UNSUSPEND_USER']] },
    'account-settings-changed': { boxes: [['Event', 'CHANGE_APPLICATION_SETTING']] },
    'sso-settings-changed': 'unsupported',
    'password-reset-requested': 'unsupported',
    'webhook-added': 'unsupported',
    'integration-added': { boxes: [['Event', 'AUTHORIZE_API_CLIENT_ACCESS']] },
    'webhook-removed': 'unsupported',
  },
  // Atlassian organization audit log: no address carries filters; the Activity filter is picked on the page.
  'atlassian-admin-audit': {
    'sign-in-succeeded': { boxes: [['Activity', 'Logged in to account']] },
    'sign-in-failed': 'unsupported',
    'role-granted': 'unsupported',
    'api-key-created': 'unsupported',
    'data-exported': 'unsupported',
    'audit-log-exported': 'unsupported',
    'email-changed': { boxes: [['Activity', 'Changed email address']] },
    'ip-allowlist-changed': 'unsupported',
    'mfa-removed': 'unsupported',
    'user-suspended': { boxes: [['Activity', 'Deactivated account']] },
    'user-reactivated': { boxes: [['Activity', 'Reactivated account']] },
    'account-settings-changed': 'unsupported',
    'sso-settings-changed': 'unsupported',
    'password-reset-requested': { boxes: [['Activity', 'Requested password recovery link']] },
    'webhook-added': 'unsupported',
    'integration-added': { boxes: [['Activity', 'App successful installation']] },
    'webhook-removed': 'unsupported',
  },
  // Cloudflare: the page can't be searched by event and the action names aren't published.
  'cloudflare-audit-log': {
    'sign-in-succeeded': 'unsupported',
    'sign-in-failed': 'unsupported',
    'role-granted': 'unsupported',
    'api-key-created': 'unsupported',
    'data-exported': 'unsupported',
    'audit-log-exported': 'unsupported',
    'email-changed': 'unsupported',
    'ip-allowlist-changed': 'unsupported',
    'mfa-removed': 'unsupported',
    'user-suspended': 'unsupported',
    'user-reactivated': 'unsupported',
    'account-settings-changed': 'unsupported',
    'sso-settings-changed': 'unsupported',
    'password-reset-requested': 'unsupported',
    'webhook-added': 'unsupported',
    'integration-added': 'unsupported',
    'webhook-removed': 'unsupported',
  },
  // Stripe events: `?type=<event type>`; Stripe's event types are about payments, customers
  // and the account, not people's sign-ins or access.
  'stripe-events': {
    'sign-in-succeeded': 'unsupported',
    'sign-in-failed': 'unsupported',
    'role-granted': 'unsupported',
    'api-key-created': 'unsupported',
    'data-exported': 'unsupported',
    'audit-log-exported': 'unsupported',
    'email-changed': 'unsupported',
    'ip-allowlist-changed': 'unsupported',
    'mfa-removed': 'unsupported',
    'user-suspended': 'unsupported',
    'user-reactivated': 'unsupported',
    'account-settings-changed': { url: 'https://dashboard.stripe.com/events?type=account.updated' },
    'sso-settings-changed': 'unsupported',
    'password-reset-requested': 'unsupported',
    'webhook-added': 'unsupported',
    'integration-added': 'unsupported',
    'webhook-removed': 'unsupported',
  },
};

/**
 * failed-sign-in-burst, step 1 ("Show the failed sign-ins"): actor omar.haddad@globex.example,
 * 10–17 March 2026, kind:sign-in-failed — the whole search and what the agent reads.
 */
export const FULL_SEARCH: Record<string, { url: string; unused?: string[]; refusal?: string; notes?: string[] }> = {
  'acme-demo': {
    url: `${DEMO}?actor=omar.haddad%40globex.example&action=user.login_failed&from=2026-03-10T00%3A00&to=2026-03-17T23%3A59&page=`,
    notes: ['Acme Admin audit log (demo console) records failed sign-in as user.login_failed.'],
  },
  'github-audit-log': {
    url: `${G}?q=actor%3Aomar.haddad%40globex.example+created%3A2026-03-10..2026-03-17`,
    refusal:
      "GitHub audit log (organization and enterprise) can't search for failed sign-in here: GitHub's organization audit log has no failed sign-ins: GitHub records them in the person's own security log, which organization owners can't see.",
  },
  'okta-system-log': {
    url: `${O}?search=actor.alternateId+eq+%22omar.haddad%40globex.example%22+and+eventType+eq+%22user.session.start%22+and+outcome.result+eq+%22FAILURE%22&fromTime=2026-03-10T00%3A00%3A00Z&toTime=2026-03-17T23%3A59%3A59Z`,
    notes: ['Okta System Log records failed sign-in as user.session.start with outcome FAILURE.'],
  },
  'auth0-logs': {
    url: `${A}?q=user_name%3A%22omar.haddad%40globex.example%22%20AND%20date%3A%5B2026-03-10%20TO%202026-03-17%5D`,
    refusal: "Auth0 tenant logs records failed sign-in as 3 kinds of event (f, fp and fu) and can't search for them all at once. Search for one at a time.",
  },
  'aws-cloudtrail': {
    url: `${C}?Username=omar.haddad%40globex.example&StartTime=2026-03-10T00%3A00%3A00.000Z&EndTime=2026-03-17T23%3A59%3A59.999Z`,
    refusal:
      "AWS CloudTrail event history can't search for failed sign-in here: CloudTrail records every console sign-in as ConsoleLogin, failed or not, and event history can't filter on the outcome. Search for ConsoleLogin yourself and open each event: responseElements says ConsoleLogin Success or Failure.",
  },
};
