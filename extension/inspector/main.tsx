/** The inspector page: `inspector/index.html?url=…` opens with that URL filled in. */
import { render } from "preact";
import { Inspector } from "./inspector.tsx";

const initialUrl = new URLSearchParams(location.search).get("url") ?? "";
render(
	<Inspector initialUrl={initialUrl} />,
	document.getElementById("app") as HTMLElement,
);
