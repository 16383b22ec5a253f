import { describedByOf, inputClass } from './forms.js';

/**
 * A text field that picks one entry of a directory (an organisation) instead
 * of taking free text: without JavaScript, a search step (the form comes
 * back with "Meinten Sie …?" and the candidates as radio buttons, plus the
 * explicit choice to create a new entry); with JavaScript, public/pick-list.js
 * turns the field into an ARIA combobox with live suggestions from
 * `suggestUrl` (docs/decisions.md, "Organisations picked, not typed").
 *
 * Field names, read back by src/modules/organisations/pick.ts: `name` (the
 * text), `name_id` (a picked suggestion), `name_choice` and `name_asked` (the
 * answer to the question step).
 */

export interface PickOption {
  /** The value sent when chosen: an id. */
  value: string;
  /** What the person reads: the name, and what tells it apart (place, the alias that matched). */
  label: string;
}

export interface PickListTexts {
  /** The legend of the question step, e.g. "Meinten Sie …?". */
  question: string;
  /** Under the legend: why the question is asked. */
  questionHint: string;
  /** The explicit choice to create a new entry with the typed name. */
  createNew: string;
  /** The name of the suggestion list, e.g. "Vorschläge"; the field's label follows. */
  suggestions: string;
  /** For screen readers, from the script: "%n suggestions", "no match", "%s chosen". */
  liveCount: string;
  liveNone: string;
  liveChosen: string;
}

interface PickListProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** The text as typed (or the stored entry's name). */
  value: string;
  /** The entry picked or stored, sent back as `name_id`. */
  chosenId?: string;
  /** The question step: the name it asks about and the nearest entries. */
  question?: { name: string; candidates: PickOption[]; checked?: string };
  /** JSON search for live suggestions: GET ?q= answers { items: [{ id, name, matchedName, municipality }] }. */
  suggestUrl: string;
  texts: PickListTexts;
}

export function PickList({ name, label, hint, error, value, chosenId, question, suggestUrl, texts }: PickListProps) {
  const describedBy = describedByOf(name, hint, error);
  const listbox = `${name}-suggestions`;
  return (
    <div
      class={`kern-form-input mosaik-pick-list${error ? ' kern-form-input--error' : ''}`}
      data-pick-list=""
      data-suggest-url={suggestUrl}
      data-text-count={texts.liveCount}
      data-text-none={texts.liveNone}
      data-text-chosen={texts.liveChosen}
    >
      <label class="kern-label" for={name}>
        {label}
      </label>
      {hint && (
        <div class="kern-hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p class="kern-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      <div class="mosaik-pick-list__control">
        <input
          class={inputClass(error)}
          id={name}
          name={name}
          type="text"
          value={value}
          autocomplete="off"
          spellcheck={false}
          data-pick-input=""
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        />
        <ul class="mosaik-pick-list__options" id={listbox} role="listbox" aria-label={`${texts.suggestions}: ${label}`} hidden></ul>
      </div>
      <input type="hidden" name={`${name}_id`} value={chosenId ?? ''} data-pick-id="" />
      <div class="kern-sr-only" role="status" aria-live="polite" data-pick-status=""></div>
      {question && <PickQuestion name={name} question={question} texts={texts} />}
      <script src="/assets/pick-list.js" defer></script>
    </div>
  );
}

/** The search step: the nearest entries and "create new", as radio buttons; nothing preselected unless answered before. */
function PickQuestion({ name, question, texts }: { name: string; question: NonNullable<PickListProps['question']>; texts: PickListTexts }) {
  const field = `${name}_choice`;
  const options = [...question.candidates, { value: 'new', label: texts.createNew }];
  return (
    <fieldset class="kern-fieldset mosaik-pick-list__question" aria-describedby={`${field}-hint`}>
      <legend class="kern-label">{texts.question}</legend>
      <div class="kern-hint" id={`${field}-hint`}>
        {texts.questionHint}
      </div>
      <input type="hidden" name={`${name}_asked`} value={question.name} />
      <div class="kern-fieldset__body">
        {options.map((option) => {
          const id = `${field}-${option.value}`;
          return (
            <div class="kern-form-check" key={option.value}>
              <input class="kern-form-check__radio" type="radio" id={id} name={field} value={option.value} checked={question.checked === option.value} />
              <label class="kern-label" for={id}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
