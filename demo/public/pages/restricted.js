// Billing (restricted) and not-found pages.

import { h, icon } from '../lib/dom.js';

export function mountBillingPage(container, ctx) {
  const user = ctx.currentUser;
  container.append(
    h(
      'section',
      { id: 'billing', 'data-page': 'permission-denied', 'data-section': 'billing', class: 'page page-centered', 'aria-labelledby': 'denied-heading' },
      h(
        'div',
        { class: 'card denied-card' },
        icon('lock', 'icon denied-icon'),
        h('p', { class: 'eyebrow' }, 'Billing · 403'),
        h('h1', { id: 'denied-heading' }, 'You don’t have permission to view this page'),
        h('p', {}, 'Billing is only available to Org Owners and Billing admins. You’re signed in as ', h('strong', {}, `${user.name} (${user.role})`), '.'),
        h('p', {}, 'To get access, ask an Org Owner — ', h('a', { href: 'mailto:sam.okafor@acme.example', class: 'link' }, 'Sam Okafor'), ' — or a Billing admin such as ', h('a', { href: 'mailto:felix.braun@acme.example', class: 'link' }, 'Felix Braun'), ' to give you the Billing admin role.'),
        h('div', { class: 'denied-actions' }, h('a', { href: '/audit', class: 'btn btn-secondary' }, 'Back to audit log'), h('a', { href: '/users', class: 'btn btn-ghost' }, 'See who can help')),
      ),
    ),
  );
  return {};
}

export function mountNotFoundPage(container) {
  container.append(
    h(
      'section',
      { id: 'not-found', 'data-page': 'not-found', class: 'page page-centered', 'aria-labelledby': 'nf-heading' },
      h(
        'div',
        { class: 'card denied-card' },
        icon('help', 'icon denied-icon'),
        h('p', { class: 'eyebrow' }, '404'),
        h('h1', { id: 'nf-heading' }, 'Page not found'),
        h('p', {}, 'The page you’re looking for doesn’t exist or has moved.'),
        h('div', { class: 'denied-actions' }, h('a', { href: '/audit', class: 'btn btn-secondary' }, 'Go to the audit log')),
      ),
    ),
  );
  return {};
}
