/**
 * The image dialog (instead of the browser's prompt): a web address checked by `normalizeUrl`
 * and a required text alternative, so every image in a document can be read out to people
 * who cannot see it.
 */
import type { Editor } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { CheckedField, DialogButtons } from './dialogFields';
import { normalizeUrl } from './normalizeUrl';

/** The modal image dialog; `onClose` runs when it is done or cancelled. */
export function ImageDialog({
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
    <Dialog isOpen={isOpen} title={t('imageDialog.title')} onClose={onClose}>
      <ImageForm editor={editor} onDone={onClose} />
    </Dialog>
  );
}

function ImageForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [alt, setAlt] = useState('');
  const [errors, setErrors] = useState<{ address: string | null; alt: string | null }>({
    address: null,
    alt: null,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const typed = address.trim();
    const url = normalizeUrl(typed, 'image');
    let addressError: string | null = null;
    if (typed === '') addressError = t('imageDialog.addressRequired');
    else if (url === null) addressError = t('imageDialog.invalidAddress', { address: typed });
    const next = {
      address: addressError,
      alt: alt.trim() === '' ? t('imageDialog.altRequired') : null,
    };
    setErrors(next);
    if (url === null || next.alt !== null) return;
    editor.chain().setImage({ src: url, alt: alt.trim() }).run();
    onDone();
    // After the modal closed: the editor is inert while it is open.
    window.setTimeout(() => editor.commands.focus(), 0);
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <CheckedField
        label={t('imageDialog.address')}
        name="src"
        value={address}
        onValue={setAddress}
        error={errors.address}
        hint={t('imageDialog.addressHint')}
      />
      <CheckedField
        label={t('imageDialog.alt')}
        name="alt"
        value={alt}
        onValue={setAlt}
        error={errors.alt}
        hint={t('imageDialog.altHint')}
      />
      <DialogButtons submitLabel={t('imageDialog.insert')} onCancel={onDone} />
    </form>
  );
}
