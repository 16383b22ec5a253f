import type { ComponentChildren, JSX } from 'preact';

/*
 * The KERN description list ("label: value" pairs: a record's details, an
 * event's date and place, the counts of an import preview). One component, so
 * that the markup KERN styles (kern-description-list-item__key/__value) is
 * written once and every detail list looks and reads the same.
 */

type ListProps = Omit<JSX.HTMLAttributes<HTMLDListElement>, 'class'> & {
  /** An extra class beside kern-description-list (layout of one page). */
  class?: string;
  children: ComponentChildren;
};

export function DescriptionList({ class: extra, children, ...rest }: ListProps) {
  return (
    <dl class={extra ? `kern-description-list ${extra}` : 'kern-description-list'} {...rest}>
      {children}
    </dl>
  );
}

type DetailProps = Omit<JSX.HTMLAttributes<HTMLElement>, 'class' | 'label'> & {
  label: ComponentChildren;
  /** An extra class on the value (mosaik-pre-line keeps the line breaks of a text typed by someone). */
  valueClass?: string;
  children: ComponentChildren;
};

/** One pair; further attributes (lang, data-*) go on the value, which is what they describe. */
export function Detail({ label, valueClass, children, ...valueProps }: DetailProps) {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{label}</dt>
      <dd class={valueClass ? `kern-description-list-item__value ${valueClass}` : 'kern-description-list-item__value'} {...valueProps}>
        {children}
      </dd>
    </div>
  );
}
