// A modal confirmation on the native <dialog> (focus trap and Escape for free).
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isDanger?: boolean;
  isBusy?: boolean;
  /** The confirm button is disabled (e.g. a required reason is empty) without showing busy. */
  isConfirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ isOpen, title, children, confirmLabel, isDanger, isBusy, isConfirmDisabled, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onCancel={onCancel}>
      <h2 id="dialog-title">{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={isDanger ? 'button-danger' : 'button-primary'} disabled={isBusy || isConfirmDisabled} onClick={onConfirm}>
          {isBusy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
