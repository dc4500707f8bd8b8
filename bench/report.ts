/** One measured figure, optionally set against a baseline measured in the same run. */
export type BenchFigure = {
	name: string;
	value: number;
	unit: string;
	/** The comparison measured in the same run, such as openssl or curl on the same bytes. */
	baseline?: {name: string; value: number};
	/** value / baseline (or baseline / value when lower is better), computed by `ratioOf`. */
	ratio?: number;
	/** Human-readable goal, such as ">= 0.9" or "<= 200 MB". */
	goal?: string;
	/** Whether the figure met its goal; undefined when it has none. */
	met?: boolean;
};

export type BenchSection = {
	title: string;
	run(): Promise<BenchFigure[]>;
};

export function ratioOf(value: number, baseline: number, higherIsBetter = true): number {
	if (value <= 0 || baseline <= 0) {
		return 0;
	}

	return higherIsBetter ? value / baseline : baseline / value;
}

function formatNumber(value: number): string {
	if (value >= 100) {
		return value.toFixed(0);
	}

	return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function formatFigure(figure: BenchFigure): string {
	const parts = [`  ${figure.name}: ${formatNumber(figure.value)} ${figure.unit}`];
	if (figure.baseline) {
		parts.push(`vs ${figure.baseline.name} ${formatNumber(figure.baseline.value)} ${figure.unit}`);
	}

	if (figure.ratio !== undefined) {
		parts.push(`ratio ${figure.ratio.toFixed(2)}`);
	}

	if (figure.goal) {
		parts.push(`goal ${figure.goal}${figure.met === undefined ? '' : figure.met ? ' ok' : ' MISSED'}`);
	}

	return parts.join('  ');
}
