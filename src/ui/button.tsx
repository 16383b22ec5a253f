import type { ComponentChildren, JSX } from 'preact';

/**
 * KERN buttons (https://www.kern-ux.de/komponenten/button): a `<button>` for
 * what changes something, an `<a>` styled as a button for where to go next.
 * The label is wrapped in `kern-label` as KERN's stylesheet expects; other
 * attributes (name, value, aria-label, form, formaction, …) pass through.
 */
export type ButtonKind = 'primary' | 'secondary' | 'tertiary';
export type ButtonSize = 'small' | 'x-small';

const classesOf = (kind: ButtonKind, size: ButtonSize | undefined, extra: string | undefined) =>
  ['kern-btn', size && `kern-btn--${size}`, `kern-btn--${kind}`, extra].filter(Boolean).join(' ');

type ButtonProps = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'class' | 'size' | 'type'> & {
  kind?: ButtonKind;
  size?: ButtonSize;
  type?: 'submit' | 'button' | 'reset';
  /** Classes added after KERN's. */
  class?: string;
  children: ComponentChildren;
};

export function Button({ kind = 'primary', size, type = 'submit', class: extra, children, ...rest }: ButtonProps) {
  return (
    <button type={type} class={classesOf(kind, size, extra)} {...rest}>
      <span class="kern-label">{children}</span>
    </button>
  );
}

type LinkButtonProps = Omit<JSX.AnchorHTMLAttributes<HTMLAnchorElement>, 'class' | 'size'> & {
  href: string;
  kind?: ButtonKind;
  size?: ButtonSize;
  class?: string;
  children: ComponentChildren;
};

export function LinkButton({ kind = 'primary', size, class: extra, children, ...rest }: LinkButtonProps) {
  return (
    <a class={classesOf(kind, size, extra)} {...rest}>
      <span class="kern-label">{children}</span>
    </a>
  );
}
