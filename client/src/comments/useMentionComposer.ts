/**
 * The @-mention behaviour of a comment text area: typing `@` and letters opens suggestions of
 * the document's readers; ArrowUp/ArrowDown move, Enter or Tab choose, Escape closes. The
 * chosen people are remembered so the submit can send their ids (`mentions`).
 */
import { useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { UserSummaryDto } from '../../../shared/api/entities';
import { insertMention, mentionAtCaret, mentionedIds, suggestPeople } from './mentionText';

/** State and handlers for one text area; `people` are the suggestions' source. */
export function useMentionComposer(input: {
  people: readonly UserSummaryDto[];
  body: string;
  setBody: (body: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
}) {
  const { people, body, setBody, textarea } = input;
  const [caret, setCaret] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  const [isDismissed, setIsDismissed] = useState(false);
  const [chosen, setChosen] = useState<UserSummaryDto[]>([]);

  const typed = people.length > 0 && !isDismissed ? mentionAtCaret(body, caret) : null;
  const suggestions = typed ? suggestPeople(people, typed.query) : [];
  const isOpen = suggestions.length > 0;
  const active = Math.min(activeIndex, Math.max(suggestions.length - 1, 0));

  const choose = (person: UserSummaryDto) => {
    if (!typed) return;
    const next = insertMention(body, typed, person);
    // The new value is written now, not on a later frame, so the caret goes after the name
    // before the next key is handled: a fast typist's next letter once landed at the end.
    flushSync(() => {
      setBody(next.text);
      setChosen((before) => [...before, person]);
      setCaret(next.caret);
      setActiveIndex(0);
    });
    textarea.current?.setSelectionRange(next.caret, next.caret);
    textarea.current?.focus();
  };

  return {
    suggestions,
    isOpen,
    activeIndex: active,
    choose,
    /** Call from the text area's change and select events. */
    trackCaret(element: HTMLTextAreaElement) {
      setCaret(element.selectionStart);
      setIsDismissed(false);
    },
    /** Returns true when the key was a suggestion key (the caller then does nothing else). */
    onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
      if (!isOpen) return false;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActiveIndex((active + step + suggestions.length) % suggestions.length);
      } else if (event.key === 'Enter' || event.key === 'Tab') {
        const person = suggestions[active];
        if (person) choose(person);
      } else if (event.key === 'Escape') {
        setIsDismissed(true);
      } else {
        return false;
      }
      event.preventDefault();
      return true;
    },
    /** The ids of the chosen people still named in `text`. */
    mentionsIn: (text: string) => mentionedIds(text, chosen),
    /** Forget the chosen people (after a successful submit). */
    reset: () => setChosen([]),
  };
}
