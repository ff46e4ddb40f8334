/**
 * The keyboard shortcut sheet: `?` opens it anywhere except while typing (in a field or in
 * the document's text, where `?` is just a character). It lists the app's own shortcuts and
 * the editor's, in the app's accessible dialog.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

/** Shortcut keys (as shown) and the i18n key of what they do, grouped by where they work. */
const SHORTCUTS: readonly { group: string; items: readonly [keys: string, action: string][] }[] = [
  {
    group: 'everywhere',
    items: [
      ['?', 'showShortcuts'],
      ['Ctrl + K', 'search'],
      ['Tab / Shift + Tab', 'nextControl'],
      ['Esc', 'closeDialog'],
    ],
  },
  {
    group: 'toolbar',
    items: [
      ['← / →', 'toolbarMove'],
      ['Home / End', 'toolbarEnds'],
    ],
  },
  {
    group: 'editor',
    items: [
      ['Ctrl + B', 'bold'],
      ['Ctrl + I', 'italic'],
      ['Ctrl + Z', 'undo'],
      ['Ctrl + Shift + Z', 'redo'],
      ['Ctrl + Alt + 1 / 2 / 3', 'heading'],
      ['Ctrl + Shift + 8', 'bulletList'],
      ['Ctrl + Shift + 7', 'orderedList'],
      ['Ctrl + Alt + M', 'comment'],
      ['Tab / Shift + Tab', 'tableCells'],
      ['Esc', 'leaveBlock'],
    ],
  },
];

/** Whether the key press happens while typing text, where `?` must stay a character. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Listens for `?` and shows the sheet; mount it once. */
export function ShortcutSheet() {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      setIsOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <Dialog isOpen={isOpen} title={t('shortcuts.title')} onClose={() => setIsOpen(false)}>
      {SHORTCUTS.map(({ group, items }) => (
        <section key={group} className="shortcuts" aria-labelledby={`shortcuts-${group}`}>
          <h3 id={`shortcuts-${group}`}>{t(`shortcuts.groups.${group}`)}</h3>
          <dl className="shortcuts__list">
            {items.map(([keys, action]) => (
              <div key={`${group}-${action}`} className="shortcuts__row">
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{t(`shortcuts.actions.${action}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
