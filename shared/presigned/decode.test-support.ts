/** For the decoders' tests only: decode a URL that must decode, or one that must be refused. */
import { decode } from "./decode.ts";
import { decodedJson } from "./decoded-json.ts";

/**
 * `decoded` (in its JSON form: times as ISO 8601, as people read them), `failure` and `codes`,
 * judging time at `nowMs` unless told otherwise.
 */
export function decodingAt(nowMs: number) {
	function decoded(url: string, at = nowMs) {
		const result = decode(url, { nowMs: at });
		if (!result.ok) throw new Error(result.error.message);
		return decodedJson(result.value);
	}

	function failure(url: string) {
		const result = decode(url, { nowMs });
		if (result.ok) throw new Error(`Expected ${url} to be refused.`);
		return result.error;
	}

	/** The codes of the warnings, in order. */
	const codes = (url: string, at = nowMs) =>
		decoded(url, at).warnings.map((w) => w.code);

	return { decoded, failure, codes };
}
