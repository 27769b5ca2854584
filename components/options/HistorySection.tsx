/**
 * Placeholder until components/history/HistoryView.tsx (another engineer's) lands;
 * then this file imports and renders it instead.
 */
export function HistorySection() {
  return (
    <div class="page">
      <header class="page-header">
        <h1>History</h1>
      </header>
      <div class="empty" role="status">
        <p>
          <strong>History arrives soon.</strong>
        </p>
        <p class="muted">Here you will find your past cases and escalations, with the rows you captured, ready to export.</p>
      </div>
    </div>
  );
}
