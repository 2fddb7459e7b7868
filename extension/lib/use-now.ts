/** The current time, refreshed every `intervalMs`, for live countdowns; the timer stops on unmount. */
import { useEffect, useState } from "preact/hooks";

export function useNow(intervalMs = 1000): number {
	const [nowMs, setNowMs] = useState(() => Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNowMs(Date.now()), intervalMs);
		return () => clearInterval(timer);
	}, [intervalMs]);
	return nowMs;
}
