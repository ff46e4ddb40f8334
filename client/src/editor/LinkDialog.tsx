/**
 * The link dialog (instead of the browser's prompt): the address is checked and completed by
 * `normalizeUrl` ("www.stuttgart.de" becomes https://…), a wrong one is explained in place,
 * and an existing link can be changed or removed. With nothing selected, the address itself
 * is inserted as the link's text.
 */
import type { Editor } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { CheckedField, DialogButtons } from './dialogFields';
import { normalizeUrl } from './normalizeUrl';

/** The modal link dialog; `onClose` runs when it is done or cancelled. */
export function LinkDialog({
  editor,
  isOpen,
  onClose,
}: {
  editor: Editor;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog isOpen={isOpen} title={t('linkDialog.title')} onClose={onClose}>
      <LinkForm editor={editor} onDone={onClose} />
    </Dialog>
  );
}

function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const { t } = useTranslation();
  const previous = (editor.getAttributes('link') as { href?: string }).href ?? '';
  const [address, setAddress] = useState(previous);
  const [error, setError] = useState<string | null>(null);

  const finish = () => {
    onDone();
    // After the modal closed: the editor is inert while it is open.
    window.setTimeout(() => editor.commands.focus(), 0);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const typed = address.trim();
    const url = normalizeUrl(typed, 'link');
    if (url === null) {
      setError(
        typed === '' ? t('linkDialog.required') : t('editor.invalidUrl', { address: typed }),
      );
      return;
    }
    if (editor.state.selection.empty && !editor.isActive('link')) {
      editor
        .chain()
        .insertContent({
          type: 'text',
          text: typed,
          marks: [{ type: 'link', attrs: { href: url } }],
        })
        .run();
    } else {
      editor.chain().extendMarkRange('link').setLink({ href: url }).run();
    }
    finish();
  };
  const onRemove = () => {
    editor.chain().extendMarkRange('link').unsetLink().run();
    finish();
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <CheckedField
        label={t('linkDialog.address')}
        name="href"
        value={address}
        onValue={setAddress}
        error={error}
        hint={t('linkDialog.hint')}
      />
      <DialogButtons
        submitLabel={previous ? t('linkDialog.update') : t('linkDialog.add')}
        onCancel={onDone}
        extra={
          previous ? (
            <button type="button" className="button button--danger" onClick={onRemove}>
              {t('linkDialog.remove')}
            </button>
          ) : undefined
        }
      />
    </form>
  );
}
