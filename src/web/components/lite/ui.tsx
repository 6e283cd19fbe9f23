import {
  type AnchorHTMLAttributes,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  useEffect,
  useId,
  useState,
} from 'react';
import { Link, type LinkProps } from 'react-router';
import classes from './ui.module.css';

// Small building blocks of the public pages: plain HTML and one CSS module, a few hundred bytes
// where Mantine's equivalents pull tens of kilobytes (docs/ARCHITECTURE.md, "Public pages").

export { classes as ui };

type Tone = 'brand' | 'outline' | 'gray' | 'teal' | 'blue' | 'green' | 'orange';

export function Card({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return <div className={`${classes.card} ${className ?? ''}`} {...rest} />;
}

export function Section({
  title,
  children,
  ...rest
}: { title: string; children: ReactNode } & HTMLAttributes<HTMLElement>) {
  return (
    <section className={classes.card} {...rest}>
      <h2 className={classes.h2}>{title}</h2>
      {children}
    </section>
  );
}

export function Badge({
  tone = 'brand',
  className,
  ...rest
}: { tone?: Tone } & HTMLAttributes<HTMLSpanElement>) {
  return <span className={`${classes.badge} ${className ?? ''}`} data-tone={tone} {...rest} />;
}

type Variant = 'filled' | 'light' | 'subtle';

export function Button({
  variant = 'filled',
  ...rest
}: { variant?: Variant } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" className={classes.button} data-variant={variant} {...rest} />;
}

export function ButtonLink({ variant = 'filled', ...rest }: { variant?: Variant } & LinkProps) {
  return <Link className={classes.button} data-variant={variant} {...rest} />;
}

export function TextLink(props: LinkProps) {
  return <Link className={classes.link} {...props} />;
}

export function ExternalLink(props: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a className={classes.link} {...props} />;
}

export function Loader({ label }: { label: string }) {
  return (
    <div className={classes.loader} role="status" aria-label={label}>
      <span aria-hidden="true" />
    </div>
  );
}

export function Alert({ children, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div className={classes.alert} role="alert" {...rest}>
      <svg
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7v6M12 16.5v.5" />
      </svg>
      <div>{children}</div>
    </div>
  );
}

interface FieldProps {
  label: string;
  error?: string | null;
  hint?: string;
}

/** A labelled input; its error and hint are linked to it (aria-describedby), the error marks it invalid. */
export function TextField({
  label,
  error,
  hint,
  id,
  inputRef,
  ...rest
}: FieldProps & { inputRef?: Ref<HTMLInputElement> } & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const inputId = id ?? generated;
  const described = [error ? `${inputId}-error` : '', hint ? `${inputId}-hint` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes.field}>
      <label htmlFor={inputId}>{label}</label>
      <input
        ref={inputRef}
        id={inputId}
        className={classes.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...rest}
      />
      {hint ? (
        <p id={`${inputId}-hint`} className={classes.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} className={classes.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  label,
  error,
  hint,
  id,
  children,
  ...rest
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const generated = useId();
  const selectId = id ?? generated;
  const described = [error ? `${selectId}-error` : '', hint ? `${selectId}-hint` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes.field}>
      <label htmlFor={selectId}>{label}</label>
      <select
        id={selectId}
        className={classes.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...rest}
      >
        {children}
      </select>
      {hint ? (
        <p id={`${selectId}-hint`} className={classes.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${selectId}-error`} className={classes.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Sets the browser tab's title while the page is shown. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}

/** A CSS media query's state, read synchronously on first render so lists render one layout only. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}

/** A value that follows `value` once it has not changed for `ms` milliseconds. */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
