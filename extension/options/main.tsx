/** Options: connect to the backend, choose the default lifetime, manage page inspection. */
import { render } from "preact";
import { Options } from "./options.tsx";

render(<Options />, document.getElementById("app") as HTMLElement);
