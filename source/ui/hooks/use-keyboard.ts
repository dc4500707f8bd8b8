import {useInput, useStdin} from 'ink';
import {keyNameOf, type KeyName} from '../key-names.js';

/**
 * The app's one keyboard listener. Without a TTY (a pipe, CI) raw mode is unavailable and
 * Ink would throw, so input is simply off there.
 */
export function useKeyboard(onKey: (name: KeyName, input: string) => void): void {
	const {isRawModeSupported} = useStdin();
	useInput((input, key) => {
		const name = keyNameOf(input, key);
		if (name) {
			onKey(name, input);
		}
	}, {isActive: isRawModeSupported});
}
