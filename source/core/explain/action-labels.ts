import type {NextAction} from './types.js';

/** A short phrase per next action, for the CLI and the TUI's key hints. */
export const actionLabels: Record<NextAction, string> = {
	'retry': 'retry now',
	'wait-retry': 'wait, then retry',
	'try-eux': 'try the open multi-CSC of the region, such as EUX',
	'other-csc': 'pick another CSC',
	'enter-imei': 'store an IMEI/serial for the model',
	'use-smart': 'switch to the Smart protocol, which needs no IMEI',
	'use-classic': 'switch to the classic protocol with the stored IMEI/serial',
	'redownload': 'download again from scratch',
	'resume': 'resume from the checkpoint',
	'accept-latest': 'take the build the server offers',
	'free-space': 'free disk space or choose another folder',
	'fix-input': 'correct the input',
	'report': 'report it',
};
