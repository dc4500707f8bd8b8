import {displayKey} from './key-names.js';
import {commands, type Command, type Scope} from './keys.js';

const scopeTitles: Record<Scope, string> = {
	global: 'Everywhere',
	list: 'Any list',
	devices: 'Devices pane (1)',
	regions: 'Regions pane (2)',
	compare: 'Compare pane (3)',
	queue: 'Queue pane (4)',
	errors: 'Errors pane (5)',
	filter: 'While filtering',
	edit: 'While editing a setting',
	confirm: 'When a question is asked',
	help: 'Help overlay',
	history: 'History overlay',
	settings: 'Settings overlay',
};

/** The order the reference and the help overlay list scopes in. */
export const scopeOrder: readonly Scope[] = ['global', 'list', 'devices', 'regions', 'compare', 'queue', 'errors', 'history', 'settings', 'filter', 'edit', 'confirm', 'help'];

export function scopeTitle(scope: Scope): string {
	return scopeTitles[scope];
}

export function keysText(command: Command, separator = ' / '): string {
	return command.keys.map(key => displayKey(key)).join(separator);
}

/** The README's key reference, generated from the key table. */
export function keyReferenceMarkdown(): string {
	const lines: string[] = [];
	for (const scope of scopeOrder) {
		const inScope = (commands as readonly Command[]).filter(command => command.scope === scope);
		if (inScope.length === 0) {
			continue;
		}

		lines.push(`### ${scopeTitles[scope]}`, '', '| Keys | Does |', '|---|---|');
		for (const command of inScope) {
			const keys = command.keys.map(key => `\`${displayKey(key).replace('|', '\\|')}\``).join(' ');
			lines.push(`| ${keys} | ${command.help} |`);
		}

		lines.push('');
	}

	return lines.join('\n');
}
