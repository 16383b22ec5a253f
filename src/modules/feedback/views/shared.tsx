import type { Translate } from '../../../i18n/index.js';

/** Okabe–Ito colours for grades 1–4 (as the dashboard's charts), grey for "keine Angabe". */
const gradeColours = ['#0072B2', '#009E73', '#E69F00', '#B34700'];
const noneColour = '#8a8f98';

/**
 * The distribution of one question's answers as a single stacked bar: grade 1
 * to 4, then "keine Angabe". Drawn as plain SVG with presentation attributes
 * (the page's CSP forbids inline styles); hidden from screen readers, since
 * the table beside it holds the same counts.
 */
export function DistributionBar({ counts, none, label }: { counts: number[]; none: number; label: string }) {
  const parts = [...counts, none];
  const total = parts.reduce((sum, value) => sum + value, 0);
  const width = 240;
  let x = 0;
  return (
    <svg class="feedback-bar" width={width} height={20} viewBox={`0 0 ${width} 20`} role="img" aria-label={label}>
      <title>{label}</title>
      {total === 0 ? (
        <rect x={0} y={2} width={width} height={16} fill="none" stroke={noneColour} />
      ) : (
        parts.map((value, index) => {
          const w = (value / total) * width;
          const rect = <rect key={index} x={x} y={2} width={w} height={16} fill={index < 4 ? gradeColours[index] : noneColour} />;
          x += w;
          return rect;
        })
      )}
    </svg>
  );
}

export function Legend({ t }: { t: Translate }) {
  return (
    <p class="kern-body--small feedback-legend" aria-hidden="true">
      {[1, 2, 3, 4].map((grade) => (
        <span key={grade} class="feedback-legend__item">
          <svg width={12} height={12} viewBox="0 0 12 12">
            <rect width={12} height={12} fill={gradeColours[grade - 1]} />
          </svg>{' '}
          {grade} = {t(`feedback.grades.${grade}`)}
        </span>
      ))}
      <span class="feedback-legend__item">
        <svg width={12} height={12} viewBox="0 0 12 12">
          <rect width={12} height={12} fill={noneColour} />
        </svg>{' '}
        {t('feedback.noAnswer')}
      </span>
    </p>
  );
}

export function PrintStylesheet() {
  return <link rel="stylesheet" href="/assets/feedback-print.css" />;
}
