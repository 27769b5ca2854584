// Settings page: an organization settings form. Cosmetic — nothing is saved.

import { h, icon } from '../lib/dom.js';

export function mountSettingsPage(container, ctx) {
  const field = (label, id, control, hint) =>
    h('div', { class: 'form-row' }, h('label', { class: 'form-label', for: id }, label), h('div', { class: 'form-control' }, control, hint ? h('p', { class: 'form-hint' }, hint) : null));

  const toggle = (id, label, checked, hint) => {
    const input = h('button', { type: 'button', role: 'switch', id, class: 'switch', 'aria-checked': checked ? 'true' : 'false', 'aria-label': label }, h('span', { class: 'switch-thumb', 'aria-hidden': 'true' }));
    input.addEventListener('click', () => input.setAttribute('aria-checked', input.getAttribute('aria-checked') === 'true' ? 'false' : 'true'));
    return h('div', { class: 'form-row' }, h('span', { class: 'form-label' }, label), h('div', { class: 'form-control switch-row' }, input, hint ? h('p', { class: 'form-hint' }, hint) : null));
  };

  const select = (id, options, selected) =>
    h('select', { id, name: id, class: 'input' }, options.map((o) => h('option', { value: o, selected: o === selected }, o)));

  const form = h(
    'form',
    { class: 'settings-form', 'aria-label': 'Organization settings' },
    h(
      'div',
      { class: 'card settings-card' },
      h('div', { class: 'card-header' }, h('h2', {}, 'Organization'), h('p', {}, 'How your organization appears to members and in emails.')),
      field('Organization name', 'org-name', h('input', { id: 'org-name', name: 'org-name', class: 'input', value: 'Acme Inc.', autocomplete: 'organization' })),
      field('Primary domain', 'org-domain', h('input', { id: 'org-domain', name: 'org-domain', class: 'input', value: 'acme.example', readonly: true }), 'Verified on Jan 14. Contact support to change it.'),
      field('Default language', 'org-language', select('org-language', ['English (US)', 'English (UK)', 'Deutsch', 'Français', 'Español'], 'English (US)')),
    ),
    h(
      'div',
      { class: 'card settings-card' },
      h('div', { class: 'card-header' }, h('h2', {}, 'Security'), h('p', {}, 'Sign-in rules for everyone in the organization.')),
      field('Session timeout', 'session-timeout', select('session-timeout', ['30 minutes', '1 hour', '8 hours', '12 hours', '24 hours'], '8 hours'), 'Members are signed out after this much inactivity.'),
      toggle('require-mfa', 'Require MFA', true, 'Members without MFA must enroll at their next sign-in.'),
      toggle('sso-only', 'Require single sign-on', false, 'Password sign-in is turned off for members with a verified domain.'),
      field('IP allowlist', 'ip-allowlist', h('textarea', { id: 'ip-allowlist', name: 'ip-allowlist', class: 'input', rows: '3', placeholder: 'One CIDR range per line, e.g. 192.0.2.0/24' }), 'Leave empty to allow sign-ins from anywhere.'),
    ),
    h(
      'div',
      { class: 'card settings-card' },
      h('div', { class: 'card-header' }, h('h2', {}, 'Notifications')),
      toggle('weekly-digest', 'Weekly security digest', true, 'A summary of sign-ins and admin changes, every Monday.'),
      toggle('alert-admins', 'Alert admins about risky sign-ins', true),
    ),
    h('div', { class: 'form-actions' }, h('button', { type: 'reset', class: 'btn btn-secondary' }, 'Cancel'), h('button', { type: 'submit', class: 'btn btn-primary' }, icon('check'), 'Save changes')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.toast('Settings saved');
  });

  container.append(
    h(
      'section',
      { id: 'settings', 'data-page': 'settings', class: 'page page-narrow', 'aria-labelledby': 'settings-heading' },
      h('header', { class: 'page-header' }, h('div', {}, h('h1', { id: 'settings-heading' }, 'Settings'), h('p', { class: 'page-subtitle' }, 'Organization-wide settings for Acme Inc.'))),
      form,
    ),
  );
  return {};
}
