import { paragraphsOf } from './format.ts';

/**
 * Plain text as members write it: paragraphs at blank lines, each in the direction of its own
 * script (an Arabic bio on an English page reads right to left).
 */
export function Paragraphs({ text, lang }: { text: string; lang?: string }) {
  return (
    <>
      {paragraphsOf(text).map((lines, index) => (
        <p key={index} lang={lang} dir="auto">
          {lines.join(' ')}
        </p>
      ))}
    </>
  );
}
