import type { OfficeOnForm } from '../actions/office-defaults';
import type { OfficeSetupView } from '../render/view';
import { sendMessage } from '../messaging/page';
import type { OfficeDefaultsUndo } from '../settings/office-defaults';
import { logErrorOnce } from '../util/log';

/**
 * "Make these my office defaults": a supervisor sets the office up from a real form in one step. The
 * summary offers it, asks once to confirm, saves through the worker into the active profile, and offers
 * Undo. Office names and the agency code only travel (never participant data); the undo token stays in
 * this page's memory.
 */
type State =
  | { stage: 'idle' }
  | { stage: 'confirm' | 'saving'; office: OfficeOnForm }
  | { stage: 'done'; office: OfficeOnForm; profileName: string; undo: OfficeDefaultsUndo }
  | { stage: 'undone' }
  | { stage: 'failed'; message: string };

const messageOf = (error: unknown) => (error instanceof Error && error.message ? error.message : 'The office defaults could not be saved.');

export class OfficeSetup {
  private state: State = { stage: 'idle' };
  /** The office the form offers now (set by the controller at each update). */
  private offered: OfficeOnForm | null = null;

  constructor(private readonly changed: () => void) {}

  /** What the summary shows, given the office the form offers now (null: nothing to offer). */
  view(offered: OfficeOnForm | null): OfficeSetupView | null {
    this.offered = offered;
    const state = this.state;
    if (state.stage === 'idle') return offered ? { stage: 'offer', office: offered } : null;
    if (state.stage === 'done') return { stage: 'done', office: state.office, profileName: state.profileName };
    return state;
  }

  /** The key of what `view` shows, for the controller's "what changed". */
  key(view: OfficeSetupView | null): string {
    return view ? JSON.stringify(view) : '';
  }

  keep(): void {
    if (!this.offered) return;
    this.set({ stage: 'confirm', office: this.offered });
  }

  cancel(): void {
    this.set({ stage: 'idle' });
  }

  confirm(): void {
    if (this.state.stage !== 'confirm') return;
    const office = this.state.office;
    this.set({ stage: 'saving', office });
    sendMessage('makeOfficeDefaults', office)
      .then((made) => this.set({ stage: 'done', office, profileName: made.profileName, undo: made.undo }))
      .catch((error: unknown) => {
        logErrorOnce('making office defaults', error);
        this.set({ stage: 'failed', message: messageOf(error) });
      });
  }

  undo(): void {
    if (this.state.stage !== 'done') return;
    const undo = this.state.undo;
    sendMessage('undoOfficeDefaults', { undo })
      .then(() => this.set({ stage: 'undone' }))
      .catch((error: unknown) => {
        logErrorOnce('undoing office defaults', error);
        this.set({ stage: 'failed', message: messageOf(error) });
      });
  }

  private set(state: State): void {
    this.state = state;
    this.changed();
  }
}
