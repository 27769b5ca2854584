// Pages reach the background through the shared client.
export { ask, errorText } from '../../utils/runtime-client';
export { downloadText } from '../common/download';

export function formatWhen(timestamp: number | null): string {
  if (!timestamp) return 'never';
  return new Date(timestamp).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
