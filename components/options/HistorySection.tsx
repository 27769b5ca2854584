import { HistoryView } from '../history/HistoryView';

/** The History tab: cases and escalations (components/history, owned by the cases feature). */
export function HistorySection() {
  return (
    <div class="page page-wide">
      <HistoryView />
    </div>
  );
}
