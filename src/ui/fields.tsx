import type { ComponentChildren } from 'preact';
import { cx } from './class-names.ts';

/**
 * What every form field shares. `id` is also the field's `name` and its error key, so that
 * an error summary link `#id` lands on the control and a re-rendered form keeps its values.
 */
export interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  /** Already translated, saying what to do: "Enter your email address". */
  error?: string;
  /** Visually hidden text read before the error, punctuation included: "Error:" (fr: "Erreur :"). */
  errorPrefix?: string;
  required?: boolean;
  /** Render the label (or legend) as the page's `<h1>`, for one-question pages. */
  labelAsHeading?: boolean;
  /** The posted name when it is not the id: rows of repeated fields share one name. */
  name?: string;
}

export const hintId = (id: string): string => `${id}-hint`;
export const errorId = (id: string): string => `${id}-error`;

function hasContent(node: ComponentChildren): boolean {
  return node !== undefined && node !== null && node !== false && node !== '';
}

/** The ids a control must point at with `aria-describedby`, hint first as it is read first. */
export function describedBy(
  id: string,
  hint: ComponentChildren,
  error: string | undefined,
  ...extra: ReadonlyArray<string | undefined>
): string | undefined {
  const ids = [hasContent(hint) ? hintId(id) : undefined, error ? errorId(id) : undefined, ...extra];
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

export function FormGroup({ error, children }: { error?: string; children: ComponentChildren }) {
  return <div class={cx('form-group', error && 'form-group--error')}>{children}</div>;
}

export function Hint({ id, children }: { id?: string; children: ComponentChildren }) {
  if (!hasContent(children)) return null;
  return (
    <div class="hint" id={id}>
      {children}
    </div>
  );
}

export function ErrorMessage({ id, message, prefix }: { id?: string; message?: string; prefix?: string }) {
  if (!message) return null;
  return (
    <p class="error-message" id={id}>
      {prefix ? <span class="visually-hidden">{`${prefix} `}</span> : null}
      {message}
    </p>
  );
}

/** Attributes that tie a control to its label, hint and error message. */
function controlAttributes({ id, name, hint, error, required }: FieldProps) {
  return {
    id,
    name: name ?? id,
    required: required || undefined,
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? ('true' as const) : undefined,
  };
}

/** Label, hint and error around a single control, in the order GOV.UK Frontend uses. */
function FieldFrame({ field, children }: { field: FieldProps; children: ComponentChildren }) {
  const label = (
    <label class={cx('label', field.labelAsHeading && 'label--heading')} for={field.id}>
      {field.label}
    </label>
  );
  return (
    <FormGroup error={field.error}>
      {field.labelAsHeading ? <h1 class="label-wrapper">{label}</h1> : label}
      <Hint id={hintId(field.id)}>{field.hint}</Hint>
      <ErrorMessage id={errorId(field.id)} message={field.error} prefix={field.errorPrefix} />
      {children}
    </FormGroup>
  );
}

/**
 * Preact types `<input>` as a union discriminated by `type`, which a union-typed value cannot
 * satisfy; spreading one of these literal objects lets TypeScript check each case.
 */
const TEXT_INPUT_TYPES = {
  text: { type: 'text' },
  email: { type: 'email' },
  password: { type: 'password' },
  search: { type: 'search' },
  url: { type: 'url' },
  tel: { type: 'tel' },
  number: { type: 'number' },
  date: { type: 'date' },
  'datetime-local': { type: 'datetime-local' },
  time: { type: 'time' },
} as const;

export type TextInputType = keyof typeof TEXT_INPUT_TYPES;
export type InputMode = 'none' | 'text' | 'decimal' | 'numeric' | 'tel' | 'search' | 'email' | 'url';
/** Widths in characters; without one the input fills the form column. */
export type InputWidth = 2 | 4 | 10 | 20 | 30;

export interface TextInputProps extends FieldProps {
  type?: TextInputType;
  value?: string;
  autocomplete?: string;
  inputmode?: InputMode;
  spellcheck?: boolean;
  width?: InputWidth;
  min?: string;
  max?: string;
  step?: string;
}

export function TextInput(props: TextInputProps) {
  const { type = 'text', value, autocomplete, inputmode, spellcheck, width, min, max, step, error } = props;
  return (
    <FieldFrame field={props}>
      <input
        {...controlAttributes(props)}
        class={cx('input', width && `input--w${width}`, error && 'input--error')}
        {...TEXT_INPUT_TYPES[type]}
        value={value}
        autocomplete={autocomplete}
        inputmode={inputmode}
        spellcheck={spellcheck}
        min={min}
        max={max}
        step={step}
      />
    </FieldFrame>
  );
}

export interface TextareaProps extends FieldProps {
  value?: string;
  rows?: number;
  autocomplete?: string;
  spellcheck?: boolean;
}

export function Textarea(props: TextareaProps) {
  const { value, rows = 5, autocomplete, spellcheck, error } = props;
  return (
    <FieldFrame field={props}>
      <textarea
        {...controlAttributes(props)}
        class={cx('textarea', error && 'textarea--error')}
        rows={rows}
        autocomplete={autocomplete}
        spellcheck={spellcheck}
        value={value}
      />
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends FieldProps {
  options: readonly SelectOption[];
  /** The selected option's value. */
  value?: string;
  /** Label of a first option with value "", e.g. "Choose a country". */
  emptyOption?: string;
  autocomplete?: string;
}

export function Select(props: SelectProps) {
  const { options, value, emptyOption, autocomplete, error } = props;
  return (
    <FieldFrame field={props}>
      <select {...controlAttributes(props)} class={cx('select', error && 'select--error')} autocomplete={autocomplete}>
        {emptyOption !== undefined ? (
          <option value="" selected={!value}>
            {emptyOption}
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface FieldsetProps {
  legend: ComponentChildren;
  /** Render the legend as the page's `<h1>`, for one-question pages. */
  legendAsHeading?: boolean;
  /**
   * Base of the hint and error ids (`${idPrefix}-hint`, `${idPrefix}-error`). It is not put on
   * the fieldset itself: the first control inside carries that id so error links land on it.
   */
  idPrefix?: string;
  hint?: ComponentChildren;
  error?: string;
  errorPrefix?: string;
  children: ComponentChildren;
}

export function Fieldset({ legend, legendAsHeading, idPrefix, hint, error, errorPrefix, children }: FieldsetProps) {
  return (
    <FormGroup error={error}>
      <fieldset class="fieldset" aria-describedby={idPrefix ? describedBy(idPrefix, hint, error) : undefined}>
        <legend class={cx('fieldset__legend', legendAsHeading && 'fieldset__legend--heading')}>
          {legendAsHeading ? <h1 class="fieldset__heading">{legend}</h1> : legend}
        </legend>
        <Hint id={idPrefix ? hintId(idPrefix) : undefined}>{hint}</Hint>
        <ErrorMessage id={idPrefix ? errorId(idPrefix) : undefined} message={error} prefix={errorPrefix} />
        {children}
      </fieldset>
    </FormGroup>
  );
}

export interface ChoiceItem {
  value: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
}

interface ChoiceGroupProps extends FieldProps {
  type: 'checkbox' | 'radio';
  items: readonly ChoiceItem[];
  isChecked: (value: string) => boolean;
  inline?: boolean;
}

/** The first item takes the field's own id so that the error summary's `#id` link lands on it. */
const itemId = (id: string, index: number): string => (index === 0 ? id : `${id}-${index + 1}`);

function ChoiceGroup(props: ChoiceGroupProps) {
  const { id, name, label, hint, error, errorPrefix, labelAsHeading, type, items, isChecked, inline, required } = props;
  return (
    <Fieldset
      legend={label}
      legendAsHeading={labelAsHeading}
      idPrefix={id}
      hint={hint}
      error={error}
      errorPrefix={errorPrefix}
    >
      <div class={cx('choices', `choices--${type}`, inline && 'choices--inline')}>
        {items.map((item, index) => {
          const inputId = itemId(id, index);
          const itemHintId = hasContent(item.hint) ? `${inputId}-item-hint` : undefined;
          return (
            <div class="choice" key={item.value}>
              <input
                class="choice__input"
                type={type}
                id={inputId}
                name={name ?? id}
                value={item.value}
                checked={isChecked(item.value)}
                // A required checkbox would have to be ticked; only radios mean "pick one".
                required={type === 'radio' && required ? true : undefined}
                aria-describedby={itemHintId}
                aria-invalid={error ? 'true' : undefined}
              />
              <label class="choice__label" for={inputId}>
                {item.label}
              </label>
              <Hint id={itemHintId}>{item.hint}</Hint>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export interface CheckboxesProps extends FieldProps {
  items: readonly ChoiceItem[];
  checked?: readonly string[];
  inline?: boolean;
}

export function Checkboxes({ checked = [], ...rest }: CheckboxesProps) {
  return <ChoiceGroup {...rest} type="checkbox" isChecked={(value) => checked.includes(value)} />;
}

export interface RadiosProps extends FieldProps {
  items: readonly ChoiceItem[];
  checked?: string;
  /** Side by side, for two short answers such as Yes / No. */
  inline?: boolean;
}

export function Radios({ checked, ...rest }: RadiosProps) {
  return <ChoiceGroup {...rest} type="radio" isChecked={(value) => value === checked} />;
}
