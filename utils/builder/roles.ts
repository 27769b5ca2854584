import { z } from 'zod';
import { lazySchema } from '../schema/lazy';

/**
 * The things a person points at when teaching Trailguide a console, in the order
 * the builder asks for them. `data-role` in the panel uses these names (see
 * TEST-CONTRACT.md); "next" is an extra for consoles with pages of results.
 */
export const BUILDER_ROLES = [
  'search',
  'actor',
  'action',
  'since',
  'until',
  'submit',
  'row',
  'col-time',
  'col-actor',
  'col-action',
  'col-target',
  'next',
] as const;
export const builderRole = lazySchema(() => z.enum(BUILDER_ROLES));
export type BuilderRole = z.infer<typeof builderRole>;

export type CellRole = Extract<BuilderRole, `col-${string}`>;
export type FieldRole = Extract<BuilderRole, 'search' | 'actor' | 'action' | 'since' | 'until'>;

export interface RoleInfo {
  role: BuilderRole;
  /** What the step is called in the panel. */
  title: string;
  /** What to click, in the words of someone who has never seen a CSS selector. */
  prompt: string;
  group: 'filters' | 'results';
  required: boolean;
}

export const ROLE_INFO: Record<BuilderRole, RoleInfo> = {
  search: { role: 'search', group: 'filters', required: false, title: 'Search box', prompt: 'Click the box where you type a search.' },
  actor: { role: 'actor', group: 'filters', required: false, title: 'Person / user filter', prompt: 'Click the box that filters by who did it (user, agent, actor).' },
  action: { role: 'action', group: 'filters', required: false, title: 'Event type filter', prompt: 'Click the control that filters by the kind of event.' },
  since: { role: 'since', group: 'filters', required: false, title: 'Start date', prompt: 'Click the "from" date box.' },
  until: { role: 'until', group: 'filters', required: false, title: 'End date', prompt: 'Click the "to" date box.' },
  submit: { role: 'submit', group: 'filters', required: false, title: 'Search button', prompt: 'Click the button that applies the filters.' },
  row: { role: 'row', group: 'results', required: true, title: 'One result row', prompt: 'Click anywhere on one row of results.' },
  'col-time': { role: 'col-time', group: 'results', required: true, title: 'Its time', prompt: 'In a result row, click the time.' },
  'col-actor': { role: 'col-actor', group: 'results', required: true, title: 'Its person', prompt: 'In a result row, click who did it (the email or user name).' },
  'col-action': { role: 'col-action', group: 'results', required: true, title: 'Its event type', prompt: 'In a result row, click the event type.' },
  'col-target': { role: 'col-target', group: 'results', required: false, title: 'What it was done to', prompt: 'In a result row, click what the event was about (the target).' },
  next: { role: 'next', group: 'results', required: false, title: 'Next page button', prompt: 'Click the button that shows the next page of results.' },
};

export function isCellRole(role: BuilderRole): role is CellRole {
  return role.startsWith('col-');
}

/** The common filter each field role fills (DESIGN.md §2 vocabulary). */
export const FIELD_FILTER: Record<FieldRole, 'text' | 'actor' | 'action' | 'since' | 'until'> = {
  search: 'text',
  actor: 'actor',
  action: 'action',
  since: 'since',
  until: 'until',
};

export const CELL_COLUMN: Record<CellRole, 'time' | 'actor' | 'action' | 'target'> = {
  'col-time': 'time',
  'col-actor': 'actor',
  'col-action': 'action',
  'col-target': 'target',
};
