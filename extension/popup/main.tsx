/** The toolbar popup: share an object, or see and revoke your shares. */
import { render } from "preact";
import { Popup } from "./popup.tsx";

render(<Popup />, document.getElementById("app") as HTMLElement);
