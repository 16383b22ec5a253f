import type { Translate } from '../../i18n/index.js';
import { PickList } from '../../ui/pick-list.js';
import type { OrganisationPick, PickCandidate } from './pick.js';

/** The JSON search the live suggestions use (directory-routes.tsx). */
export const suggestionsUrl = '/api/v1/organisations/suggestions';

/** How a candidate reads: its name, where it is, and the alias that matched. */
export function candidateLabel(t: Translate, candidate: PickCandidate): string {
  const details = [candidate.municipality, candidate.matchedName ? t('organisations.pick.alsoKnownAs', { name: candidate.matchedName }) : null].filter(Boolean);
  return details.length > 0 ? `${candidate.name} (${details.join(', ')})` : candidate.name;
}

interface OrganisationPickListProps {
  t: Translate;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  chosenId?: string;
  /** The outcome of pickOrganisation when it asks: shows the search step. */
  pick?: OrganisationPick;
  /** The answer given before (a candidate's id or "new"), kept when the form comes back for another field. */
  choice?: string;
}

/** The organisation field of staff forms (consultations, event partners, registrations by phone). */
export function OrganisationPickList({ t, name, label, hint, error, value, chosenId, pick, choice }: OrganisationPickListProps) {
  const p = (key: string, options?: Record<string, unknown>) => t(`organisations.pick.${key}`, options);
  const asking = pick?.kind === 'ask' ? pick : undefined;
  return (
    <PickList
      name={name}
      label={label}
      hint={hint ?? p('hint')}
      error={error}
      value={value}
      chosenId={chosenId}
      suggestUrl={suggestionsUrl}
      question={
        asking && {
          name: asking.name,
          candidates: asking.candidates.map((candidate) => ({ value: String(candidate.id), label: candidateLabel(t, candidate) })),
          checked: choice,
        }
      }
      texts={{
        question: asking && asking.candidates.length > 0 ? p('question') : p('questionNoCandidates'),
        questionHint: p(asking && asking.candidates.length > 0 ? 'questionHint' : 'questionHintNoCandidates', { name: asking?.name ?? value }),
        createNew: p('createNew', { name: asking?.name ?? value }),
        suggestions: p('suggestions'),
        liveCount: p('liveCount'),
        liveNone: p('liveNone'),
        liveChosen: p('liveChosen'),
      }}
    />
  );
}

/** The error at the field while the search step asks: names the field and what to do. */
export const pickQuestionError = (t: Translate, label: string, name: string) => t('organisations.pick.error', { field: label, name });
