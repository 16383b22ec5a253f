import type { Language, Translate } from '../../../i18n/index.js';
import { formatDay, freshnessLabel } from '../present.js';

/** "zuletzt bestätigt am …" or, past the grace period, "nicht bestätigt seit …" (marked), on every entry. */
export function FreshnessNote({ t, language, service, today }: { t: Translate; language: Language; service: { assured_date: string | null; recheck_months: number }; today: string }) {
  const label = freshnessLabel(service, today);
  const text = t(label.key, { date: label.date ? formatDay(label.date, language) : '' });
  if (label.state === 'overdue' || label.state === 'hidden' || label.state === 'unconfirmed') {
    return (
      <p class="kern-body--small mosaik-freshness mosaik-freshness--stale" data-freshness={label.state}>
        <strong>{text}</strong>
      </p>
    );
  }
  return (
    <p class="kern-body--small mosaik-freshness" data-freshness={label.state}>
      {text}
    </p>
  );
}
