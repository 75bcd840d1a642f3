/** How messages and paths quote a value: as JSON, cut short. */

export const MAX_QUOTED = 100;

/** Quotes a value for a message, cut short so a huge input never makes a huge message. */
export function quote(value: string, max = MAX_QUOTED): string {
  if (value.length <= max) {
    // Most values need no escape: quoted as they are, as JSON.stringify would, without its cost.
    let plain = true;
    for (let i = 0; i < value.length; i++) {
      const unit = value.charCodeAt(i);
      if (unit < 0x20 || unit === 0x22 || unit === 0x5c || unit > 0x7e) {
        plain = false;
        break;
      }
    }
    return plain ? `"${value}"` : JSON.stringify(value);
  }
  return JSON.stringify(`${value.slice(0, max)}…`);
}
