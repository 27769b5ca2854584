import { z } from 'zod';
import { isoDate, shortText } from './common';
import { lazySchema } from './lazy';

/**
 * Who looks after a runbook or an adapter, and when they last checked it is
 * still right. Consoles change their screens and events; a date and an owner
 * tell an agent how far to trust the steps, and whom to tell when they're wrong.
 */
export const reviewInterval = lazySchema(() => z
  .string()
  .regex(/^[1-9]\d{0,3}[dw]$/, 'Write how often to review as days or weeks, like "90d" or "12w".'));

export const reviewFields = {
  /** A team or a person, in plain words ("Support leads"). */
  owner: shortText.optional(),
  /** The day someone last checked it against the real console. */
  reviewed: isoDate.refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), 'Use a real date like 2026-03-31.').optional(),
  /** How long a review holds ("90d"); after that the panel says it is due. */
  reviewEvery: reviewInterval.optional(),
};
