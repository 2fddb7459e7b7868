/** A problem the user can fix, reported as one line with an exit code (1 bad input, 2 wrong usage). */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode: 1 | 2,
	) {
		super(message);
		this.name = "CliError";
	}
}
