import {useEffect, useRef} from 'react';

/**
 * Keeps a list's cursor on the same item when the list reorders under it (discovery answers
 * arriving in the background insert and move rows). Only a change of the list moves the cursor;
 * a cursor the user moved becomes the new anchor, and another `listId` (another model) starts afresh.
 */
export function useStickyCursor(listId: string | undefined, keys: readonly string[], index: number, moveTo: (index: number) => void): void {
	const anchor = useRef<{listId?: string; keys: readonly string[]; key?: string}>({listId, keys});
	useEffect(() => {
		const previous = anchor.current;
		if (previous.listId === listId && previous.keys !== keys && previous.key !== undefined) {
			const at = keys.indexOf(previous.key);
			if (at !== -1 && at !== index) {
				anchor.current = {listId, keys, key: previous.key};
				moveTo(at);
				return;
			}
		}

		anchor.current = {listId, keys, key: keys[index]};
	}, [listId, keys, index, moveTo]);
}
