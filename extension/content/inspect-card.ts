/**
 * The hover card's script, injected by the background on a page's first hover of a badge (see
 * card-loader.ts): it runs in the same isolated world as the inspection script and hands it the
 * card's factory. Built as a classic script (IIFE) for `scripting.executeScript`.
 */
import { CARD_FACTORY, type CardFactory } from "./card-loader.ts";
import { createCard } from "./hover-card.ts";

(globalThis as { [CARD_FACTORY]?: CardFactory })[CARD_FACTORY] = createCard;
