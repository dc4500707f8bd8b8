import {Text, useApp} from 'ink';
import {Component, type ReactNode} from 'react';
import {redactDeviceIds} from '../core/identity/mask.js';
import {useKeyboard} from './hooks/use-keyboard.js';

type CrashGuardState = {message?: string};

/**
 * Catches a bug while rendering and shows one line instead of Ink's stack trace. Any key quits.
 */
export class CrashGuard extends Component<{children: ReactNode}, CrashGuardState> {
	static getDerivedStateFromError(error: unknown): CrashGuardState {
		return {message: redactDeviceIds(error instanceof Error ? error.message : String(error))};
	}

	override state: CrashGuardState = {};

	override render() {
		return this.state.message === undefined ? this.props.children : <CrashNotice message={this.state.message}/>;
	}
}

function CrashNotice({message}: {message: string}) {
	const {exit} = useApp();
	useKeyboard(() => exit());
	return <Text>fusdeck hit a bug and stopped drawing: {message}. Press any key to quit; run with --debug and report it.</Text>;
}
