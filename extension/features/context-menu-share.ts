/** Context menus: "Share with Signet" on links to S3 objects and on selected s3:// text; "Inspect presigned URL" on any link. */
import browser from "webextension-polyfill";
import { parseS3Location } from "../../shared/s3-location.ts";

const SHARE_LINK = "signet-share-link";
const SHARE_SELECTION = "signet-share-selection";
const INSPECT_LINK = "signet-inspect-link";

// S3 endpoints and the S3 console; other links cannot name an S3 object.
const S3_LINKS = [
	"*://*.amazonaws.com/*",
	"*://*.amazonaws.com.cn/*",
	"*://*.console.aws.amazon.com/s3/*",
];

export function createMenus(): void {
	browser.contextMenus.removeAll().then(() => {
		browser.contextMenus.create({
			id: SHARE_LINK,
			title: "Share with Signet",
			contexts: ["link"],
			targetUrlPatterns: S3_LINKS,
		});
		browser.contextMenus.create({
			id: SHARE_SELECTION,
			title: "Share “%s” with Signet",
			contexts: ["selection"],
		});
		browser.contextMenus.create({
			id: INSPECT_LINK,
			title: "Inspect presigned URL",
			contexts: ["link"],
		});
	});
}

/** Opens the share form in a small window, prefilled with the object. */
async function openShareWindow(text: string): Promise<void> {
	const location = parseS3Location(text);
	const query = location.ok
		? `?bucket=${encodeURIComponent(location.value.bucket)}&key=${encodeURIComponent(location.value.key)}`
		: `?error=${encodeURIComponent(location.error.message)}`;
	await browser.windows.create({
		url: browser.runtime.getURL(`popup/index.html${query}`),
		type: "popup",
		width: 420,
		height: 640,
	});
}

export function init(signal: AbortSignal): void {
	const onClicked = (info: browser.Menus.OnClickData) => {
		if (info.menuItemId === SHARE_LINK && info.linkUrl)
			void openShareWindow(info.linkUrl);
		if (info.menuItemId === SHARE_SELECTION && info.selectionText)
			void openShareWindow(info.selectionText);
		if (info.menuItemId === INSPECT_LINK && info.linkUrl) {
			void browser.tabs.create({
				url: browser.runtime.getURL(
					`inspector/index.html?url=${encodeURIComponent(info.linkUrl)}`,
				),
			});
		}
	};
	browser.contextMenus.onClicked.addListener(onClicked);
	signal.addEventListener("abort", () =>
		browser.contextMenus.onClicked.removeListener(onClicked),
	);
}

/* Try by hand: right-click a link to https://BUCKET.s3.REGION.amazonaws.com/KEY → "Share with Signet";
   select the text s3://demo/README.txt on any page → "Share “…” with Signet";
   right-click any link → "Inspect presigned URL". */
