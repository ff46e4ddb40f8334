/** The formatting toolbar: every button has an aria-label and shows its pressed state. */
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { useRovingToolbar } from '../components/useRovingToolbar';
import { Icon, type IconName } from '../components/Icon';
import { insertTableBelow } from './tables';

const ICON_NAMES: readonly string[] = [
  'undo',
  'redo',
  'link',
  'image',
  'bulletList',
  'orderedList',
  'quote',
  'table',
];

function isIconName(value: string): value is IconName {
  return ICON_NAMES.includes(value);
}

function ToolButton({
  label,
  isActive = false,
  isDisabled = false,
  onClick,
  icon,
}: {
  label: string;
  isActive?: boolean;
  isDisabled?: boolean;
  onClick: () => void;
  icon: string;
}) {
  return (
    <button
      type="button"
      className={isActive ? 'tool tool--active' : 'tool'}
      aria-label={label}
      title={label}
      aria-pressed={isActive}
      disabled={isDisabled}
      // Keep the text selection: a mouse press on the toolbar must not blur the editor.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {/* Text glyphs are drawn by CSS and icons are SVG, so the aria-label alone names the button. */}
      {isIconName(icon) ? (
        <Icon name={icon} />
      ) : (
        <span className="tool__icon" data-icon={icon} aria-hidden="true" />
      )}
    </button>
  );
}

/**
 * Toolbar bound to `editor`; rendered only for people who can write (see EditorTools).
 * `onOpenDialog` opens the link or image dialog.
 */
export function Toolbar({
  editor,
  onOpenDialog,
}: {
  editor: Editor;
  onOpenDialog: (dialog: 'link' | 'image') => void;
}) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      h1: current.isActive('heading', { level: 1 }),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      link: current.isActive('link'),
      quote: current.isActive('blockquote'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  // One Tab stop; arrow keys move between the buttons (the ARIA toolbar pattern).
  const toolbarKeys = useRovingToolbar<HTMLDivElement>();

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')} {...toolbarKeys}>
      <div className="toolbar__group">
        <ToolButton
          label={t('editor.undo')}
          icon="undo"
          isDisabled={!active.canUndo}
          onClick={() => chain().undo().run()}
        />
        <ToolButton
          label={t('editor.redo')}
          icon="redo"
          isDisabled={!active.canRedo}
          onClick={() => chain().redo().run()}
        />
      </div>
      <div className="toolbar__group">
        <ToolButton
          label={t('editor.paragraph')}
          icon="¶"
          onClick={() => chain().setParagraph().run()}
        />
        {([1, 2, 3] as const).map((level) => (
          <ToolButton
            key={level}
            label={t('editor.heading', { level })}
            icon={`H${level}`}
            isActive={active[`h${level}`]}
            onClick={() => chain().toggleHeading({ level }).run()}
          />
        ))}
      </div>
      <div className="toolbar__group">
        <ToolButton
          label={t('editor.bold')}
          icon="B"
          isActive={active.bold}
          onClick={() => chain().toggleBold().run()}
        />
        <ToolButton
          label={t('editor.italic')}
          icon="I"
          isActive={active.italic}
          onClick={() => chain().toggleItalic().run()}
        />
        <ToolButton
          label={t('editor.link')}
          icon="link"
          isActive={active.link}
          onClick={() => onOpenDialog('link')}
        />
      </div>
      <div className="toolbar__group">
        <ToolButton
          label={t('editor.bulletList')}
          icon="bulletList"
          isActive={active.bulletList}
          onClick={() => chain().toggleBulletList().run()}
        />
        <ToolButton
          label={t('editor.orderedList')}
          icon="orderedList"
          isActive={active.orderedList}
          onClick={() => chain().toggleOrderedList().run()}
        />
        <ToolButton
          label={t('editor.quote')}
          icon="quote"
          isActive={active.quote}
          onClick={() => chain().toggleBlockquote().run()}
        />
      </div>
      <div className="toolbar__group">
        <ToolButton
          label={t('editor.table')}
          icon="table"
          onClick={() => insertTableBelow(editor)}
        />
        <ToolButton label={t('editor.image')} icon="image" onClick={() => onOpenDialog('image')} />
      </div>
    </div>
  );
}
