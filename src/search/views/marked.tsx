import { MARK_END, MARK_START, headlineText } from '../highlight.ts';

/**
 * Text that the database marked with MARK_START / MARK_END around matched words. The markers are
 * private-use characters removed from the stored text before highlighting, and every piece is
 * rendered as escaped text: only our own <mark> elements become markup.
 */
export function Marked({ text }: { text: string }) {
  const parts: (string | { mark: string })[] = [];
  let rest = text;
  for (;;) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) break;
    const end = rest.indexOf(MARK_END, start + 1);
    if (end < 0) break;
    if (start > 0) parts.push(headlineText(rest.slice(0, start)));
    parts.push({ mark: headlineText(rest.slice(start + 1, end)) });
    rest = rest.slice(end + 1);
  }
  parts.push(headlineText(rest));
  return <>{parts.map((part, index) => (typeof part === 'string' ? part : <mark key={index}>{part.mark}</mark>))}</>;
}
