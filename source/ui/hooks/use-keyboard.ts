import {useInput, usePaste, useStdin} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {keyNamesOf, type KeyName} from '../key-names.js';

type Pressed = [name: KeyName, input: string];

/**
 * The app's one keyboard listener. Keys are queued and handled one per render, so a key typed
 * before the screen caught up (key repeat, a fast typist, a paste) still sees the state the
 * previous key left. Each key is handled from its own turn of the event loop, after the render the
 * previous key caused, not from inside an effect: handlers set state, and a hundred pasted keys
 * handled from effects would be a chain of nested updates that React stops with a warning. Without
 * a TTY (a pipe, CI) raw mode is unavailable and Ink would throw, so input is simply off there.
 */
export function useKeyboard(onKey: (name: KeyName, input: string) => void): void {
	const {isRawModeSupported} = useStdin();
	const pending = useRef<Pressed[]>([]);
	const latest = useRef(onKey);
	latest.current = onKey;
	const [tick, setTick] = useState(0);

	useInput((input, key) => {
		const pressed = keyNamesOf(input, key);
		if (pressed.length > 0) {
			pending.current.push(...pressed);
			setTick(tick => tick + 1);
		}
	}, {isActive: isRawModeSupported});

	// Bracketed paste: pasted text comes as one 'paste' key, never as keystrokes (a pasted "qy"
	// must not quit). The app types it into the field being edited, if any.
	usePaste(text => {
		pending.current.push(['paste', text]);
		setTick(tick => tick + 1);
	}, {isActive: isRawModeSupported});

	useEffect(() => {
		if (pending.current.length === 0) return;
		const next = setImmediate(() => {
			const pressed = pending.current.shift();
			if (pressed) latest.current(...pressed);
			setTick(tick => tick + 1); // renders, and the effect takes the next key after it
		});
		return () => {
			clearImmediate(next);
		};
	}, [tick]);
}
