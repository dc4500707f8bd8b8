import {decodeComponent, decodeVersion, type DecodedComponent} from '../core/versions/decode.js';
import {UsageError} from '../core/errors.js';
import {outputOptions, parseCommandArgs} from './options.js';
import {exitCodes, type Command, type CommandIO} from './types.js';

const usage = `Usage: fusdeck decode VERSION [--json]

Decodes a firmware version (PDA/CSC/MODEM[/BOOTLOADER]) or one of its parts: model, region,
update type (S security, U new features), bootloader revision, OS letter, One UI major, build
year and month, build number. A device cannot go back to a lower bootloader revision.

The OS letter counts major updates since the model launched (A = launch OS, Z = beta), so the
One UI major is known only for models whose launch Android the catalog knows; otherwise it
shows as "One UI ?" with the reason.

Examples:
  fusdeck decode S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1
  fusdeck decode S918BXXS8DYK1 --json
`;

export const decodeCommand: Command = {
	name: 'decode',
	summary: 'decode a firmware version: region, bootloader, build date',
	usage,
	async run(args: string[], io: CommandIO): Promise<number> {
		const {values, positionals} = parseCommandArgs('decode', args, outputOptions);
		if (positionals.length !== 1) {
			throw new UsageError('decode: give one version, e.g. fusdeck decode S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1');
		}

		const input = positionals[0]!;
		if (input.includes('/')) {
			const decoded = decodeVersion(input);
			const parts = {pda: decoded.pda, csc: decoded.csc, modem: decoded.modem, bootloader_version: decoded.bootloaderVersion};
			io.stdout.write(values.json
				? JSON.stringify({version: decoded.version, ...Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, part && componentJson(part)]))}) + '\n'
				: [decoded.version, ...Object.entries(parts).map(([name, part]) => componentLine(name, part)), ...oneUiNotes(Object.values(parts))].join('\n') + '\n');
			return exitCodes.ok;
		}

		const component = decodeComponent(input);
		io.stdout.write(values.json ? JSON.stringify(componentJson(component)) + '\n' : [componentLine(component.kind, component), ...oneUiNotes([component])].join('\n') + '\n');
		return exitCodes.ok;
	},
};

function componentJson(part: DecodedComponent) {
	return {
		component: part.text,
		kind: part.kind,
		model: part.model,
		region: part.region,
		update_type: part.updateType,
		update_type_meaning: part.updateTypeMeaning,
		bootloader: part.bootloader,
		os_letter: part.osLetter,
		one_ui_major: part.oneUiMajor,
		year: part.year,
		month: part.month,
		build: part.build,
	};
}

function componentLine(name: string, part: DecodedComponent | null): string {
	const label = name.replace('_', ' ').padEnd(20);
	if (!part) {
		return `  ${label}(empty: no modem, e.g. a Wi-Fi model)`;
	}

	const type = part.updateType === null ? '' : `  ${part.updateTypeMeaning ?? `update type ${part.updateType}`}`;
	const date = `${part.year}-${String(part.month).padStart(2, '0')}`;
	const os = part.osLetter === 'Z' ? 'Z (beta)' : part.osLetter;
	return `  ${label}${part.text}  model ${part.model}  region ${part.region}${type}  bootloader ${part.bootloader}  OS letter ${os}  One UI ${part.oneUiMajor ?? '?'}  built ${date}  build ${part.build}`;
}

/** Each distinct reason a One UI major is missing, once: the parts of one version often share it. */
function oneUiNotes(parts: Array<DecodedComponent | null>): string[] {
	const notes = new Set(parts.flatMap(part => part?.oneUiNote ?? []));
	return [...notes].map(note => `  One UI ?: ${note}`);
}
