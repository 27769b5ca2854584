import { HistoryView } from '../history/HistoryView';
import { VerifyReport } from './VerifyReport';

/** The History tab: cases and escalations (components/history, owned by the cases feature), and checking a report file. */
export function HistorySection() {
  return (
    <div class="page page-wide">
      <HistoryView />
      <VerifyReport />
    </div>
  );
}
