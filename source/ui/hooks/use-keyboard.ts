import {useInput, useStdin} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {keyNamesOf, type KeyName} from '../key-names.js';

type Pressed = [name: KeyName, input: string];

/**
 * The app's one keyboard listener. Keys are queued and handled one per render, so a key typed
 * before the screen caught up (key repeat, a fast typist, a paste) still sees the state the
 * previous key left. Without a TTY (a pipe, CI) raw mode is unavailable and Ink would throw, so
 * input is simply off there.
 */
export function useKeyboard(onKey: (name: KeyName, input: string) => void): void {
	const {isRawModeSupported} = useStdin();
	const pending = useRef<Pressed[]>([]);
	const [, setTick] = useState(0);

	useInput((input, key) => {
		const pressed = keyNamesOf(input, key);
		if (pressed.length > 0) {
			pending.current.push(...pressed);
			setTick(tick => tick + 1);
		}
	}, {isActive: isRawModeSupported});

	useEffect(() => {
		const next = pending.current.shift();
		if (!next) return;
		onKey(...next);
		if (pending.current.length > 0) setTick(tick => tick + 1);
	});
}
