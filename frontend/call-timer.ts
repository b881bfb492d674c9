/**
 * <call-timer elapsed="1234">: shows how long the call has lasted (m:ss, or h:mm:ss), counting in the browser so
 * that no second costs a round trip to the server.
 */
class CallTimer extends HTMLElement {
  private startedAt = 0;
  private tick?: number;

  connectedCallback(): void {
    if (!this.startedAt) {
      this.startedAt = performance.now() - Number(this.getAttribute('elapsed') ?? 0);
    }
    this.render();
    window.clearInterval(this.tick);
    this.tick = window.setInterval(() => this.render(), 1000);
  }

  disconnectedCallback(): void {
    window.clearInterval(this.tick);
  }

  private render(): void {
    this.textContent = format(Math.max(0, Math.floor((performance.now() - this.startedAt) / 1000)));
  }
}

export function format(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = String(totalSeconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

customElements.define('call-timer', CallTimer);
