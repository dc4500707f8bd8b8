import {App} from '../../source/ui/app.js';
import type {Theme} from '../../source/ui/theme/theme.js';
import {createFakeServices, type FakeOptions, type FakeServices} from './fake-services.js';
import {renderAt, type RenderedApp} from './render.js';

export type Started = {app: RenderedApp; services: FakeServices; [Symbol.dispose](): void};

/** Renders the whole workstation over fake services; `using` unmounts and removes the temp config. */
export function startApp(options: FakeOptions & {columns?: number; rows?: number; theme?: Theme; queueFrameMs?: number} = {}): Started {
	const services = createFakeServices(options);
	const app = renderAt(<App services={services} theme={options.theme} queueFrameMs={options.queueFrameMs}/>, options);
	return {
		app,
		services,
		[Symbol.dispose]() {
			app.unmount();
			services.dispose();
		},
	};
}
