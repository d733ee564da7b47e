export { cx } from './class-names.ts';
export { Button, ButtonLink } from './button.tsx';
export type { ButtonProps, ButtonLinkProps, ButtonVariant } from './button.tsx';
export {
  TextInput,
  Textarea,
  Select,
  Checkboxes,
  Radios,
  Fieldset,
  FormGroup,
  Hint,
  ErrorMessage,
  describedBy,
  hintId,
  errorId,
} from './fields.tsx';
export type {
  FieldProps,
  TextInputProps,
  TextInputType,
  InputMode,
  InputWidth,
  TextareaProps,
  SelectProps,
  SelectOption,
  CheckboxesProps,
  RadiosProps,
  ChoiceItem,
  FieldsetProps,
} from './fields.tsx';
export { ErrorSummary } from './error-summary.tsx';
export type { ErrorSummaryProps, FieldError } from './error-summary.tsx';
export { NotificationBanner, SuccessBanner } from './notification.tsx';
export type { NotificationBannerProps } from './notification.tsx';
export { Pagination, pageSlots } from './pagination.tsx';
export type { PaginationProps, PaginationLabels } from './pagination.tsx';
export { Card } from './card.tsx';
export type { CardProps } from './card.tsx';
export { Tag, TagList } from './tag.tsx';
export type { TagProps, TagListProps, TagItem, TagVariant } from './tag.tsx';
export { SummaryList } from './summary-list.tsx';
export type { SummaryRow, SummaryAction } from './summary-list.tsx';
export { Table } from './table.tsx';
export type { TableProps } from './table.tsx';
