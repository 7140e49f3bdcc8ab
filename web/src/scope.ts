// What one rendering of a view owns (charts, observers, timers), released
// together when the view re-renders or is left (see router.ts).
export class Scope {
  private disposers: (() => void)[] = [];
  private alive = true;

  get active(): boolean {
    return this.alive;
  }

  // Registers a release; on a scope already disposed it runs at once.
  own(dispose: () => void): void {
    if (this.alive) this.disposers.push(dispose);
    else dispose();
  }

  dispose(): void {
    if (!this.alive) return;
    this.alive = false;
    for (const dispose of this.disposers.reverse()) dispose();
    this.disposers = [];
  }
}
