/**
 * The table menu: shown while the cursor is in a table, with Tiptap's table commands (rows,
 * columns, the header row, removing the table). A toolbar of its own, next to the main one.
 */
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { useRovingToolbar } from '../components/useRovingToolbar';
import { hasHeaderRow } from './tables';

type TableCommand =
  | 'addRowBefore'
  | 'addRowAfter'
  | 'deleteRow'
  | 'addColumnBefore'
  | 'addColumnAfter'
  | 'deleteColumn'
  | 'deleteTable';

const COMMANDS: readonly TableCommand[] = [
  'addRowBefore',
  'addRowAfter',
  'deleteRow',
  'addColumnBefore',
  'addColumnAfter',
  'deleteColumn',
];

/** The menu of the table holding the cursor, or nothing when the cursor is elsewhere. */
export function TableMenu({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      isInTable: current.isActive('table'),
      hasHeaderRow: current.isActive('table') && hasHeaderRow(current),
    }),
  });
  const menuKeys = useRovingToolbar<HTMLDivElement>();
  if (!state.isInTable) return null;
  const run = (command: TableCommand) => editor.chain().focus()[command]().run();

  return (
    <div className="table-menu" role="toolbar" aria-label={t('tableMenu.label')} {...menuKeys}>
      {COMMANDS.map((command) => (
        <button
          key={command}
          type="button"
          className="button button--small"
          // Keep the cell selection: a mouse press must not blur the editor.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => run(command)}
        >
          {t(`tableMenu.${command}`)}
        </button>
      ))}
      <button
        type="button"
        className="button button--small"
        aria-pressed={state.hasHeaderRow}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => editor.chain().focus().toggleHeaderRow().run()}
      >
        {t('tableMenu.headerRow')}
      </button>
      <button
        type="button"
        className="button button--small button--danger"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => run('deleteTable')}
      >
        {t('tableMenu.deleteTable')}
      </button>
    </div>
  );
}
