/**
 * What a writer gets around the text: the formatting toolbar, the table menu (while the cursor
 * is in a table) and the link and image dialogs the toolbar opens.
 */
import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { ImageDialog } from './ImageDialog';
import { LinkDialog } from './LinkDialog';
import { TableMenu } from './TableMenu';
import { Toolbar } from './Toolbar';

/** The toolbar, table menu and dialogs bound to `editor`. */
export function EditorTools({ editor }: { editor: Editor }) {
  const [openDialog, setOpenDialog] = useState<'link' | 'image' | null>(null);
  const closeDialog = () => setOpenDialog(null);
  return (
    <>
      <Toolbar editor={editor} onOpenDialog={setOpenDialog} />
      <TableMenu editor={editor} />
      <LinkDialog editor={editor} isOpen={openDialog === 'link'} onClose={closeDialog} />
      <ImageDialog editor={editor} isOpen={openDialog === 'image'} onClose={closeDialog} />
    </>
  );
}
