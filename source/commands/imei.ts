import {UsageError} from '../core/errors.js';
import {requireModel} from '../core/catalog/resolve.js';
import {checkImei, generateImei} from '../core/identity/imei.js';
import {maskDeviceId} from '../core/identity/mask.js';
import {outputOptions, parseCommandArgs} from './options.js';
import {exitCodes, type Command, type CommandIO} from './types.js';

const usage = `Usage: fusdeck imei MODEL [--json]
       fusdeck imei --check IMEI [MODEL] [--json]

The first form makes a plausible IMEI for MODEL from one of its real TACs (the first 8 digits),
6 random digits and the Luhn check digit: enough for the classic FUS protocol when you do not
have the device at hand. Wi-Fi-only tablets and Bluetooth watches have no IMEI: use the
device's serial number, or the Smart protocol, which needs no device id.

The second form says what is wrong with an IMEI: length, check digit, or a TAC that belongs
to another model. Exit code 0 when it is usable, 2 when not. The IMEI checked is masked in the
output (TAC and last digit shown) unless --show-ids. A made-up IMEI is printed in full: it is
not anyone's device, and copying it is the point.

Options:
  --check IMEI  check this IMEI (optionally against MODEL) instead of making one
  --show-ids    print the checked IMEI in full (also as "imei" in --json)
  --json        print one JSON object
`;

export const imeiCommand: Command = {
	name: 'imei',
	summary: 'make a plausible IMEI for a model, or check one',
	usage,
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('imei', args, {...outputOptions, check: {type: 'string'}});
		if (values.check !== undefined) {
			if (positionals.length > 1) {
				throw new UsageError(`imei --check takes one IMEI and at most one MODEL, not ${positionals.length} extra words. See: fusdeck imei --help`);
			}

			return runCheck(values.check, positionals[0], {json: values.json, showIds: values['show-ids']}, io);
		}

		if (positionals.length !== 1) {
			throw new UsageError('imei needs one MODEL code, e.g. fusdeck imei SM-S918B (or --check IMEI). See: fusdeck imei --help');
		}

		const {imei, tac, model} = generateImei(requireModel(positionals[0]!));
		if (values.json) {
			io.stdout.write(JSON.stringify({model: model.model, name: model.name, imei, tac}) + '\n');
		} else {
			io.stdout.write(`${imei}\n`);
			io.stderr.write(`a made-up IMEI on TAC ${tac} of ${model.name} (${model.model}); your device's own IMEI is better when you have it\n`);
		}

		return exitCodes.ok;
	},
};

function runCheck(imei: string, modelCode: string | undefined, {json, showIds}: {json: boolean; showIds: boolean}, io: CommandIO): number {
	const model = modelCode === undefined ? undefined : requireModel(modelCode);
	const check = checkImei(imei, model);
	const owner = check.tacModels.find(m => m.name === model?.name) ?? check.tacModels[0];
	const masked = check.digits === '' ? undefined : maskDeviceId(check.digits);
	const shown = showIds ? check.digits || undefined : masked;
	if (json) {
		io.stdout.write(JSON.stringify({
			imei_masked: masked,
			...(showIds ? {imei: check.digits} : {}),
			ok: check.ok,
			problems: check.problems,
			warnings: check.warnings,
			tac: check.tac ?? null,
			tac_model: owner?.model,
			tac_name: owner?.name,
			model: model?.model,
		}) + '\n');
	} else {
		const subject = `IMEI ${shown ?? '(empty)'}${model ? ` for ${model.model} (${model.name})` : ''}`;
		const tacNote = owner ? ` TAC ${check.tac} is ${owner.name} (${check.tacModels.map(m => m.model).slice(0, 4).join(', ')}${check.tacModels.length > 4 ? ', …' : ''}).` : '';
		io.stdout.write(check.ok ? `${subject}: OK.${tacNote}\n` : `${subject}: not usable.${tacNote}\n`);
		for (const problem of check.problems) {
			io.stdout.write(`  ✗ ${problem}\n`);
		}

		for (const warning of check.warnings) {
			io.stdout.write(`  ! ${warning}\n`);
		}
	}

	return check.ok ? exitCodes.ok : exitCodes.usage;
}
