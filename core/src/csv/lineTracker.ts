/**
 * Maps character offsets in a text that arrives in chunks to 1-based line numbers, keeping only
 * the text between the last offset asked about and the end of what has arrived, so memory stays
 * bounded by one chunk plus one record however large the file is.
 *
 * Offsets must be asked about in increasing order (as a streaming parser reports them).
 */
export class LineTracker {
  private pending: string[] = [];
  /** Offset of the first character of `pending[0]`. */
  private pendingStart = 0;
  /** Offset up to which newlines have been counted. */
  private countedTo = 0;
  private linesBefore = 0;
  private lastChar = -1;
  private readonly newline: string;

  /** @param newline the character that ends a line: `\n` (also for `\r\n` files) or `\r`. */
  constructor(newline: '\n' | '\r' = '\n') {
    this.newline = newline;
  }

  /** Records the next chunk of text. */
  push(chunk: string): void {
    if (chunk.length > 0) this.pending.push(chunk);
  }

  /** The 1-based line number of the character at `offset`. */
  lineAt(offset: number): number {
    if (offset < this.countedTo) {
      throw new RangeError(`LineTracker: offset ${offset} asked after ${this.countedTo}`);
    }
    while (this.countedTo < offset && this.pending.length > 0) {
      const chunk = this.pending[0] as string;
      const from = this.countedTo - this.pendingStart;
      const to = Math.min(chunk.length, offset - this.pendingStart);
      // indexOf scans natively; a charCodeAt loop over every character costs more than parsing.
      for (let i = chunk.indexOf(this.newline, from); i !== -1 && i < to; i = chunk.indexOf(this.newline, i + 1)) {
        this.linesBefore++;
      }
      if (to > from) this.lastChar = chunk.charCodeAt(to - 1);
      this.countedTo = this.pendingStart + to;
      if (to === chunk.length) {
        this.pending.shift();
        this.pendingStart += chunk.length;
      }
    }
    return this.linesBefore + 1;
  }

  /** Whether the character just before the offset last passed to {@link lineAt} ends a line. */
  get endedOnNewline(): boolean {
    return this.lastChar === this.newline.charCodeAt(0);
  }

  /** Characters received but not yet passed by {@link lineAt}: the record being read. */
  get pendingLength(): number {
    let length = -(this.countedTo - this.pendingStart);
    for (const chunk of this.pending) length += chunk.length;
    return length;
  }
}
