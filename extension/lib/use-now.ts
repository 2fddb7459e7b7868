/** The current time, refreshed every second, for live countdowns; the timer stops on unmount. */
import { useEffect, useState } from "preact/hooks";

export function useNow(): number {
	const [nowMs, setNowMs] = useState(() => Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNowMs(Date.now()), 1000);
		return () => clearInterval(timer);
	}, []);
	return nowMs;
}
