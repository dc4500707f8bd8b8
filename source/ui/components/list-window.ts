/** The first visible row so the cursor stays in view, with the cursor kept near the middle when it can. */
export function windowStart(cursor: number, count: number, visible: number): number {
	if (visible <= 0 || count <= visible) return 0;
	const start = cursor - Math.floor(visible / 2);
	return Math.max(0, Math.min(start, count - visible));
}
