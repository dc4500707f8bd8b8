import {Box, Text, useApp, useWindowSize} from 'ink';
import {useCallback, useMemo, useReducer, useState} from 'react';
import {createHandlers, messageOf} from './app-handlers.js';
import {Footer} from './components/footer.js';
import {CrashGuard} from './crash-guard.js';
import {activeScopes, elsewhereHint, resolveKey} from './dispatcher.js';
import {footerItems} from './footer-items.js';
import {truncateStart} from './format.js';
import {useCompare} from './hooks/use-compare.js';
import {useHistory} from './hooks/use-history.js';
import {useKeyboard} from './hooks/use-keyboard.js';
import {useQueue} from './hooks/use-queue.js';
import {useRegionDiscovery} from './hooks/use-region-discovery.js';
import {useStickyCursor} from './hooks/use-sticky-cursor.js';
import {useSubscribable} from './hooks/use-subscribable.js';
import {displayKey, type KeyName} from './key-names.js';
import type {KeyContext} from './keys.js';
import {computeLayout, minimumSize, type PaneBox} from './layout.js';
import {compareRows} from './model/compare-rows.js';
import {deviceRows} from './model/device-rows.js';
import {errorAction} from './model/error-actions.js';
import {groupErrors} from './model/error-groups.js';
import {discoveryStatus} from './model/discovery-status.js';
import {knownRegions} from './model/discovery-view.js';
import {regionRows, withoutFirmware} from './model/region-rows.js';
import {settingFields} from './model/settings-fields.js';
import {HelpOverlay, helpLines} from './overlays/help-overlay.js';
import {HistoryOverlay} from './overlays/history-overlay.js';
import {SettingsOverlay} from './overlays/settings-overlay.js';
import {ComparePane} from './panes/compare-pane.js';
import {DevicesPane} from './panes/devices-pane.js';
import {ErrorsPane} from './panes/errors-pane.js';
import {QueuePane} from './panes/queue-pane.js';
import {RegionsPane} from './panes/regions-pane.js';
import type {AppServices, ErrorEntry} from './services.js';
import {initialUiState, uiReducer} from './state/ui-state.js';
import {defaultTheme, type Theme} from './theme/theme.js';
import {ThemeContext} from './theme/theme-context.js';

export type AppProps = {
	services: AppServices;
	theme?: Theme;
	/** Minimum milliseconds between two queue frames (progress coalescing). */
	queueFrameMs?: number;
};

export function App({services, theme = defaultTheme, queueFrameMs}: AppProps) {
	return (
		<ThemeContext.Provider value={theme}>
			<CrashGuard>
				<Workstation services={services} queueFrameMs={queueFrameMs}/>
			</CrashGuard>
		</ThemeContext.Provider>
	);
}

/**
 * The shell: derives what each pane shows from core snapshots and the UI state, routes every key
 * through the key table, and lays the panes out for the terminal's size. Longer than most files
 * because it is the one place where the panes, overlays and keys meet.
 */
function Workstation({services, queueFrameMs}: {services: AppServices; queueFrameMs?: number}) {
	const {exit} = useApp();
	const size = useWindowSize();
	const [state, dispatch] = useReducer(uiReducer, initialUiState);
	const [problem, setProblem] = useState<string | undefined>();
	const settings = useSubscribable(services.settings);
	const queue = useQueue(services.queue, queueFrameMs);
	const errorEntries = useSubscribable(services.errors);
	const compare = useCompare(services);
	const history = useHistory(services);
	const discovery = useRegionDiscovery(services, state.selectedModel);

	const models = useMemo(() => services.searchModels(state.filters.devices), [services, state.filters.devices]);
	const devices = useMemo(() => deviceRows(models, settings.favouriteModels, settings.recentModels), [models, settings]);
	const cscs = useMemo(() => (state.selectedModel ? services.cscsForModel(state.selectedModel) : []), [services, state.selectedModel]);
	// Once a model is chosen the rows follow discovery: before its first answer only preferred CSCs show (all with `a`).
	const discovered = useMemo(() => (state.selectedModel ? knownRegions(discovery.view) : undefined), [state.selectedModel, discovery.view]);
	const regions = useMemo(
		() => regionRows(cscs, settings.preferredRegions, state.marked, state.filters.regions, {discovered, showAll: state.showAllRegions}),
		[cscs, settings, state.marked, state.filters.regions, discovered, state.showAllRegions],
	);
	const regionKeys = useMemo(() => regions.map(region => region.csc), [regions]);
	const moveRegionCursor = useCallback((index: number) => dispatch({type: 'setCursor', pane: 'regions', index}), []);
	useStickyCursor(state.selectedModel, regionKeys, Math.min(state.cursors.regions, Math.max(0, regions.length - 1)), moveRegionCursor);
	const compareModel = compare.run?.model;
	const compareList = useMemo(() => (compare.run ? compareRows(compare.run.results, services.cscsForModel(compare.run.model)) : []), [services, compare.run]);
	const errors = useMemo(() => groupErrors(withRecoveryNotice(errorEntries, services.settings.recoveredFrom)), [errorEntries, services.settings.recoveredFrom]);
	const layout = computeLayout(size, state.focus);

	const cursor = (count: number, at: number) => Math.min(at, Math.max(0, count - 1));
	const job = queue.jobs[cursor(queue.jobs.length, state.cursors.queue)];
	const error = errors[cursor(errors.length, state.cursors.errors)];
	const region = regions[cursor(regions.length, state.cursors.regions)];
	const row = state.focus === 'regions'
		? {csc: region?.csc, rowModel: state.selectedModel, noFirmware: region ? withoutFirmware(region.firmware) : false}
		: state.focus === 'compare' ? {csc: compareList[cursor(compareList.length, state.cursors.compare)]?.csc, rowModel: compareModel} : {};
	const context: KeyContext = {
		focus: state.focus,
		...(state.selectedModel ? {selectedModel: state.selectedModel} : {}),
		...(row.csc && row.rowModel ? {csc: row.csc, rowModel: row.rowModel} : {}),
		...('noFirmware' in row && row.noFirmware ? {noFirmware: true} : {}),
		...(job ? {job} : {}),
		activeJobs: queue.totals.active,
		...(error && errorAction(error.entry) ? {errorAction: errorAction(error.entry)!.label} : {}),
		errorCount: errors.length,
	};
	const overlayRows = state.overlay === 'help' ? Math.max(1, helpLines(context).length - (layout.bodyHeight - 2) + 1) : state.overlay === 'history' ? history.view?.builds.length ?? 0 : settingFields.length;
	const mode = {focus: state.focus, confirming: Boolean(state.pending), ...(state.input ? {input: state.input} : {}), ...(state.overlay ? {overlay: state.overlay} : {})};
	const scopes = activeScopes(mode);

	useKeyboard((name: KeyName, input: string) => {
		try {
			if (state.flash) dispatch({type: 'flash'});
			if (name === 'paste') {
				pasteText(input);
				return;
			}

			const resolved = resolveKey(name, scopes, context);
			if (!resolved) {
				const hint = elsewhereHint(name, mode);
				if (hint) dispatch({type: 'flash', message: hint});
				else typeText(name, input);
				return;
			}

			if (resolved.disabledReason) {
				dispatch({type: 'flash', message: `${displayKey(name)}: ${resolved.disabledReason}`});
				return;
			}

			const handlers = createHandlers({
				state, dispatch, services, settings, context, devices, regions, cscs, compareList, queue, errors,
				history, startCompare: compare.start, refreshRegions: discovery.refresh, overlayRows, setProblem, exit: () => exit(),
			});
			handlers[resolved.command.id]?.();
		} catch (error_) {
			dispatch({type: 'flash', message: `internal error: ${messageOf(error_)}`});
		}
	});

	/** The text field being typed in (filter or setting), or undefined when none is. */
	function fieldText(): string | undefined {
		return state.input === 'filter' ? state.filters[state.filterPane ?? 'devices'] : state.input === 'edit' ? state.editText : undefined;
	}

	function pasteText(text: string) {
		const current = fieldText();
		if (current === undefined || state.pending) {
			dispatch({type: 'flash', message: 'Pasted text goes into a filter (/) or a setting being edited (s, then Enter); nothing was done'});
			return;
		}

		// One line of plain text: a pasted line break or escape sequence is not a key press here.
		const plain = text.replaceAll(/[\r\n\t]+/g, ' ').replaceAll(/[\u0000-\u001F\u007F]/g, '').trim();
		if (plain) dispatch(state.input === 'filter' ? {type: 'typeFilter', text: current + plain} : {type: 'typeEdit', text: current + plain});
	}

	function typeText(name: KeyName, input: string) {
		if (state.pending) {
			dispatch({type: 'answered'}); // any other key answers No
			return;
		}

		const current = fieldText();
		if (current === undefined) return;
		let next = current;
		if (name === 'backspace') next = current.slice(0, -1);
		else if (name === 'space') next = `${current} `;
		else if (input && !/[\u0000-\u001F\u007F]/.test(input) && !name.startsWith('ctrl+')) next = current + input;
		if (next !== current) dispatch(state.input === 'filter' ? {type: 'typeFilter', text: next} : {type: 'typeEdit', text: next});
	}

	const footerMode = state.pending
		? `${state.pending.question} y/N`
		: state.input === 'filter' ? filterPrompt(state.filterPane ?? 'devices', state.filters[state.filterPane ?? 'devices'], layout.width) : state.flash;
	const items = footerItems(scopes.filter(scope => scope !== 'list' && scope !== 'confirm'), context);

	const pane = (box: PaneBox) => {
		const focused = box.id === state.focus;
		switch (box.id) {
			case 'devices': return <DevicesPane key={box.id} box={box} focused={focused} rows={devices} cursor={cursor(devices.length, state.cursors.devices)} filter={state.filters.devices} selectedModel={state.selectedModel}/>;
			case 'regions': return <RegionsPane key={box.id} box={box} focused={focused} model={state.selectedModel} rows={regions} cursor={cursor(regions.length, state.cursors.regions)} filter={state.filters.regions} markedCount={state.marked.length} status={discoveryStatus(discovery.view, Date.now(), box.width - 2)} showAll={state.showAllRegions}/>;
			case 'compare': return <ComparePane key={box.id} box={box} focused={focused} model={compareModel} rows={compareList} cursor={cursor(compareList.length, state.cursors.compare)}/>;
			case 'queue': return <QueuePane key={box.id} box={box} focused={focused} snapshot={queue} cursor={cursor(queue.jobs.length, state.cursors.queue)}/>;
			case 'errors': return <ErrorsPane key={box.id} box={box} focused={focused} groups={errors} cursor={cursor(errors.length, state.cursors.errors)}/>;
		}
	};

	const body = () => {
		if (layout.mode === 'too-small') {
			return <Text>{`The terminal is too small (${size.columns}×${size.rows}); fusdeck needs at least ${minimumSize.columns}×${minimumSize.rows}.`}</Text>;
		}

		const {width, bodyHeight: height} = layout;
		if (state.overlay === 'help') return <HelpOverlay width={width} height={height} context={context} scroll={state.overlayCursor}/>;
		if (state.overlay === 'history' && history.view) return <HistoryOverlay width={width} height={height} view={history.view} cursor={state.overlayCursor}/>;
		if (state.overlay === 'settings') {
			return (
				<SettingsOverlay
					width={width} height={height} settings={settings} model={state.selectedModel} cursor={state.overlayCursor}
					editing={state.input === 'edit'} editText={state.editText} problem={problem} recoveredFrom={services.settings.recoveredFrom}
				/>
			);
		}

		return (
			<Box flexDirection="row" height={height}>
				{layout.columns.map(column => (
					<Box key={column.panes[0]!.id} flexDirection="column" width={column.width} flexShrink={0}>
						{column.panes.map(box => pane(box))}
					</Box>
				))}
			</Box>
		);
	};

	return (
		<Box flexDirection="column" width={layout.width}>
			<Box height={layout.bodyHeight} flexDirection="column" overflow="hidden">{body()}</Box>
			<Footer width={layout.width} mode={footerMode} items={items}/>
		</Box>
	);
}

/** The filter being typed, its end kept in view (where the typing happens) when it is longer than the footer; room is left for " …". */
function filterPrompt(pane: string, text: string, width: number): string {
	const label = `Filter ${pane}: `;
	return `${label}${truncateStart(text, Math.max(1, width - label.length - 3))}▏`;
}

/** A damaged settings file was kept aside: tell the user where, as the first error. */
function withRecoveryNotice(entries: readonly ErrorEntry[], recoveredFrom: string | undefined): readonly ErrorEntry[] {
	if (!recoveredFrom) return entries;
	return [...entries, {
		id: -1,
		at: 0,
		code: 'CONFIG_CORRUPT',
		explanation: {
			id: 'config-recovered',
			title: 'The settings file was damaged; fusdeck started with fresh settings',
			meaning: 'The config file could not be read as fusdeck settings.',
			cause: 'The file was edited by hand, cut short by a crash or a full disk, or written by another version.',
			fix: `Your old file is kept at ${recoveredFrom}; copy values back with s (settings), then delete it.`,
		},
	}];
}
